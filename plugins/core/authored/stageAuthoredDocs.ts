/**
 * The target's hand-written docs, copied into the build's work folder before Docusaurus reads them,
 * so that Docusaurus never reads the target in place (see docs/adr/0024). The copy is made through
 * our own walker, so:
 * - a symbolic link out of the target is not followed: a warning names it and the file is left out;
 * - a link, image or link definition whose file lies outside the target (`../../x`, or a path through
 *   a linked folder) becomes its text or alt text, with a warning at file:line, and nothing is copied;
 * - a file of the target outside the docs folder that a page links to (`../examples/app.ts`) is copied
 *   beside it, at the same relative place, so the link keeps working as it did;
 * - a page Docusaurus would reject (bad front matter, an MDX syntax error) is replaced by a page that
 *   says what is wrong, with a warning; the rest of the site builds.
 * The staging area mirrors the target (`<stage>/<docs folder>/...`), so relative links resolve as
 * they do in the repository, and a staged path maps back to its source by a plain relative path.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {heading, inlineCode, paragraph, text} from '../mdx/build';
import {writeMdx} from '../mdx/writeMdx';
import {WORK_DIR, syncDirectory} from '../generatedFiles';
import {isInside} from '../resolveTarget';
import {walkFiles} from '../walkFiles';
import type {Report} from '../report';
import {readAuthoredPage, type PageProblem, type PageReference} from './readAuthoredPage';

export interface StageOptions {
  /** The target's real root. */
  root: string;
  /** The real docs folder, inside `root`. */
  docsDir: string;
  /** This build's site folder; the copy goes to its work folder. */
  siteDir: string;
  /** Every file discovery kept (relative POSIX paths): the only files outside the docs a page may bring along. */
  targetFiles: readonly string[];
  report: Report;
}

export interface StagedDocs {
  /** The folder the docs instance reads: the staged copy of the docs folder. */
  dir: string;
  /** Real files and folders to watch during `start`: a change re-stages. */
  watch: string[];
  /** Pages replaced by an error page, for tests and the report. */
  replaced: string[];
}

/** Root of the staging area: it mirrors the target's layout. */
export function authoredStageRoot(siteDir: string): string {
  return path.join(siteDir, WORK_DIR, 'authored');
}

/** The source file of a staged file, or undefined for a file that is not a staged one. */
export function sourceOfStaged(siteDir: string, root: string, file: string): string | undefined {
  const stage = authoredStageRoot(siteDir);
  if (!isInside(stage, file)) return undefined;
  return path.join(root, path.relative(stage, file));
}

export async function stageAuthoredDocs(options: StageOptions): Promise<StagedDocs> {
  const {root, docsDir, report} = options;
  const docsRel = toPosix(path.relative(root, docsDir));
  const {files, skippedLinks} = await walkFiles(root, {under: docsRel});
  for (const link of skippedLinks) {
    report.warn('this is a symbolic link to something outside the repository (or to nothing); it is left out of the site', {
      file: path.join(root, link),
      fix: 'Replace the link by the file itself, or remove it',
    });
  }
  const known = new Set([...options.targetFiles, ...files]);
  const staged = new Map<string, string | Uint8Array>();
  const referenced = new Set<string>();
  const replaced: string[] = [];

  for (const relative of files) {
    const absolute = path.join(root, relative);
    if (!/\.mdx?$/i.test(relative)) {
      staged.set(relative, await fs.readFile(absolute));
      continue;
    }
    const source = await fs.readFile(absolute, 'utf8');
    const page = await readAuthoredPage(absolute, source);
    if (!page.ok) {
      report.warn(page.problem.message, {file: absolute, line: page.problem.line, fix: page.problem.fix});
      staged.set(relative, errorPage(relative, page.problem));
      replaced.push(relative);
      continue;
    }
    const edits: {start: number; end: number; value: string}[] = [];
    for (const reference of page.references) {
      const verdict = await judge(reference.url, relative, root, known);
      if (verdict.kind === 'outside') {
        report.warn(outsideMessage(reference), {file: absolute, line: reference.line, fix: 'Link to a file inside the repository, or to its web address'});
        edits.push({start: reference.start, end: reference.end, value: reference.plain});
      } else if (verdict.kind === 'file' && !verdict.path.startsWith(`${docsRel}/`)) {
        referenced.add(verdict.path);
      }
    }
    staged.set(relative, applyEdits(source, edits));
  }
  for (const relative of [...referenced].sort()) {
    staged.set(relative, await fs.readFile(path.join(root, relative)));
  }
  const stage = authoredStageRoot(options.siteDir);
  await syncDirectory(stage, staged);
  await fs.mkdir(path.join(stage, docsRel), {recursive: true});
  return {
    dir: path.join(stage, docsRel),
    watch: [docsDir, ...[...referenced].sort().map((relative) => path.join(root, relative))],
    replaced,
  };
}

type Verdict = {kind: 'ignore'} | {kind: 'outside'} | {kind: 'file'; path: string};

/**
 * Where a URL of a page leads. Only plain relative paths and site-absolute paths with `..` can reach
 * a file (Docusaurus resolves `/x` against its static folders); URLs with a scheme, `//host` and
 * `#anchor` are the browser's business.
 */
async function judge(url: string, page: string, root: string, known: Set<string>): Promise<Verdict> {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url === '') return {kind: 'ignore'};
  const bare = url.replace(/[?#].*$/, '');
  const forms = new Set([bare, safeDecode(bare)]);
  for (const form of forms) {
    if (form.startsWith('/')) {
      if (form.split(/[\\/]/).includes('..')) return {kind: 'outside'};
      continue;
    }
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(page), form.replace(/\\/g, '/')));
    if (resolved === '..' || resolved.startsWith('../') || path.posix.isAbsolute(resolved)) return {kind: 'outside'};
    if (known.has(resolved)) return {kind: 'file', path: resolved};
    // Not a file discovery kept: it may still reach outside through a linked folder or file.
    const real = await fs.realpath(path.join(root, resolved)).catch(() => undefined);
    if (real && !isInside(root, real)) return {kind: 'outside'};
  }
  return {kind: 'ignore'};
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function outsideMessage(reference: PageReference): string {
  const what = reference.kind === 'image' ? 'image' : reference.kind === 'definition' ? 'link definition' : 'link';
  const shown = reference.kind === 'image' ? 'its alt text is shown' : reference.kind === 'definition' ? 'it is dropped' : 'its text is shown without the link';
  return `the ${what} "${reference.url}" points outside the repository; ${shown} and the file is not published`;
}

function applyEdits(source: string, edits: {start: number; end: number; value: string}[]): string {
  let result = source;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.value + result.slice(edit.end);
  }
  return result;
}

/**
 * The page shown instead of one that cannot be built: the problem as text, through the one MDX
 * writer. It names the file by its path in the repository, never by its path on the build machine.
 */
function errorPage(relative: string, problem: PageProblem): string {
  const where = `${relative}${problem.line ? `:${problem.line}` : ''}`;
  return writeMdx({
    frontMatter: {title: `${path.posix.basename(relative)} could not be built`},
    children: [
      heading(1, text(`${path.posix.basename(relative)} could not be built`)),
      paragraph(inlineCode(where), text(`: ${problem.message}. ${problem.fix}.`)),
    ],
  });
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/');
}
