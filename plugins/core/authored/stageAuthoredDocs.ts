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
import type {AuthoredRewrite} from '../types';
import {mappedFrontMatter, neutraliseForeignMdx, type ForeignMdx} from './foreignMdx';
import type {GuidePage, GuidePlan} from './gatherGuides';
import {readAuthoredPage, type PageProblem, type PageReference} from './readAuthoredPage';
import {mermaidBlocksOfTree, reportAuthoredDiagrams} from '../mermaid/check';

export interface StageOptions {
  /** The target's real root. */
  root: string;
  /** The real docs folder, inside `root`, if the target has one. */
  docsDir?: string;
  /** The pages outside the docs folder (README, top-level guides, package READMEs) and the section's folder. */
  guides?: GuidePlan;
  /** This build's site folder; the copy goes to its work folder. */
  siteDir: string;
  /** Every file discovery kept (relative POSIX paths): the only files outside the docs a page may bring along. */
  targetFiles: readonly string[];
  /** Sidebar positions from the navigation of the docs' own framework (mkdocs.yml, sidebars.js...), by source path. */
  order?: ReadonlyMap<string, number>;
  /** The web address of a file of the repository: a link to Markdown that is not a guide goes there. */
  fileUrl?: (relative: string) => string;
  /** Edits the generators make to each page (resolved code citations, the drift badge's facts). */
  rewrite?: AuthoredRewrite;
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

/**
 * Staged pages that do not sit at their source's place (the README and guides moved into the
 * section), by staging root: the last staging of each build, for edit links and dates. It lives on
 * the process, like the plan: Docusaurus may evaluate the config (and load this module) again and
 * reuse the plan without staging again.
 */
const MOVED_KEY = Symbol.for('docs-architect.movedGuides');
const movedState = globalThis as typeof globalThis & {[MOVED_KEY]?: Map<string, Map<string, string>>};
const moved = (movedState[MOVED_KEY] ??= new Map<string, Map<string, string>>());

/** The source file of a staged file, or undefined for a file that is not a staged one. */
export function sourceOfStaged(siteDir: string, root: string, file: string): string | undefined {
  const stage = authoredStageRoot(siteDir);
  if (!isInside(stage, file)) return undefined;
  const relative = toPosix(path.relative(stage, file));
  return path.join(root, moved.get(stage)?.get(relative) ?? relative);
}

export async function stageAuthoredDocs(options: StageOptions): Promise<StagedDocs> {
  const {root, docsDir, report} = options;
  const docsRel = docsDir ? toPosix(path.relative(root, docsDir)) : undefined;
  const {files, skippedLinks} = docsRel ? await walkFiles(root, {under: docsRel}) : {files: [], skippedLinks: []};
  for (const link of skippedLinks) {
    report.warn('this is a symbolic link to something outside the repository (or to nothing); it is left out of the site', {
      file: path.join(root, link),
      fix: 'Replace the link by the file itself, or remove it',
    });
  }
  const sectionFolder = options.guides?.sectionFolder ?? docsRel!;
  const known = new Set([...options.targetFiles, ...files]);
  // Where each page goes: a docs folder page stays at its place, a guide from outside moves into the section.
  const placement = new Map<string, string>(files.filter((file) => /\.mdx?$/i.test(file)).map((file) => [file, file]));
  const roles = new Map<string, GuidePage['role']>();
  for (const page of options.guides?.pages ?? []) {
    placement.set(page.source, page.staged);
    roles.set(page.source, page.role);
  }
  const staged = new Map<string, string | Uint8Array>();
  const referenced = new Set<string>();
  const replaced: string[] = [];

  const sources = [...files.filter((file) => !placement.has(file)), ...placement.keys()];
  for (const relative of sources) {
    const absolute = path.join(root, relative);
    const target = placement.get(relative);
    if (!target) {
      staged.set(relative, await fs.readFile(absolute));
      continue;
    }
    const source = await fs.readFile(absolute, 'utf8');
    // A top-level file a tool wrote is not a guide: it is left out without a word.
    if (roles.get(relative) === 'guide' && GENERATED.test(source.slice(0, 600))) continue;
    const page = await readAuthoredPage(absolute, source);
    if (!page.ok) {
      report.warn(page.problem.message, {file: absolute, line: page.problem.line, fix: page.problem.fix});
      staged.set(target, errorPage(relative, page.problem));
      replaced.push(relative);
      continue;
    }
    // A diagram readers would see as "Syntax error" is reported here, with its file and line.
    await reportAuthoredDiagrams(mermaidBlocksOfTree(page.tree), absolute, report, options.siteDir);
    const edits: {start: number; end: number; value: string}[] = [];
    for (const reference of page.references) {
      const verdict = await judge(reference.url, relative, root, known);
      if (verdict.kind === 'outside') {
        report.warn(outsideMessage(reference), {file: absolute, line: reference.line, fix: 'Link to a file inside the repository, or to its web address'});
        edits.push({start: reference.start, end: reference.end, value: reference.plain});
        continue;
      }
      if (verdict.kind === 'inside') {
        // A folder of the section (`docs/adr/`) is a route: from a moved page, said from its new place. A folder
        // outside the section is no route of the site: its page on the host, or its text.
        if (!verdict.path.startsWith(`${sectionFolder}/`) && verdict.path !== sectionFolder) {
          const url = options.fileUrl?.(verdict.path);
          edits.push(url ? rewritten(reference, url) : {start: reference.start, end: reference.end, value: reference.plain});
        } else if (target !== relative) {
          edits.push(rewritten(reference, relativeUrl(target, verdict.path, reference.url)));
        }
        continue;
      }
      if (verdict.kind !== 'file') continue;
      const linked = placement.get(verdict.path);
      if (linked === undefined && (/\.mdx?$/i.test(verdict.path) || !path.posix.extname(verdict.path))) {
        // Markdown that is no page of the section (the changelog), or a file without extension (LICENSE), which
        // Docusaurus takes for a page, not a file to copy: its page on the host, or its text.
        const url = options.fileUrl?.(verdict.path);
        edits.push(url ? rewritten(reference, url) : {start: reference.start, end: reference.end, value: reference.plain});
        continue;
      }
      if (linked === undefined && !verdict.path.startsWith(`${docsRel ?? sectionFolder}/`)) referenced.add(verdict.path);
      const goal = linked ?? verdict.path;
      if (goal === verdict.path && target === relative) continue;
      edits.push(rewritten(reference, relativeUrl(target, goal, reference.url)));
    }
    if (/\.mdx$/i.test(relative)) {
      const foreign = neutraliseForeignMdx(page.tree);
      edits.push(...foreign.edits);
      if (foreign.components.length > 0 || foreign.imports.length > 0) report.warn(foreignMessage(foreign), {file: absolute, fix: FOREIGN_FIX});
    }
    const lines = mappedFrontMatter(page.frontMatter);
    const generatorEdits = options.rewrite?.({file: relative, source, tree: page.tree, frontMatter: page.frontMatter, report});
    if (generatorEdits) {
      edits.push(...generatorEdits.edits);
      lines.push(...generatorEdits.frontMatter);
    }
    const position = roles.get(relative) === 'readme' ? -1 : options.order?.get(relative);
    if (position !== undefined && page.frontMatter.sidebar_position === undefined && !lines.some((line) => line.startsWith('sidebar_position:'))) {
      // The README is the section's first page, before any page the docs folder numbers; other pages take the order of their framework's navigation.
      lines.unshift(`sidebar_position: ${position}`);
    }
    if (lines.length > 0) edits.push(frontMatterLines(source, lines));
    staged.set(target, applyEdits(source, edits));
  }
  for (const relative of [...referenced].sort()) {
    staged.set(relative, await fs.readFile(path.join(root, relative)));
  }
  const stage = authoredStageRoot(options.siteDir);
  await syncDirectory(stage, staged);
  await fs.mkdir(path.join(stage, sectionFolder), {recursive: true});
  moved.set(stage, new Map([...placement].filter(([from, to]) => from !== to).map(([from, to]) => [to, from])));
  const outside = (options.guides?.pages ?? []).map((page) => path.join(root, page.source));
  return {
    dir: path.join(stage, sectionFolder),
    watch: [...(docsDir ? [docsDir] : []), ...outside, ...[...referenced].sort().map((relative) => path.join(root, relative))],
    replaced,
  };
}

/** The usual marks of a file a tool wrote. */
const GENERATED = /@generated|do not edit|auto-?generated|generated by/i;

/** The URL from a staged page to another staged file, keeping the original's query and fragment. */
function relativeUrl(from: string, to: string, original: string): string {
  const suffix = /[?#].*$/.exec(original)?.[0] ?? '';
  const slash = /\/$/.test(original.replace(/[?#].*$/, '')) ? '/' : '';
  let relative = path.posix.relative(path.posix.dirname(from), to) + slash;
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return relative.split('/').map((segment) => encodeURIComponent(segment).replace(/%2E/gi, '.')).join('/') + suffix;
}

/** A link, image or definition written again with another URL (its text, alt text, title and label kept). */
function rewritten(reference: PageReference, url: string): {start: number; end: number; value: string} {
  const destination = /[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url;
  const title = reference.title ? ` "${reference.title.replace(/["\\]/g, '\\$&')}"` : '';
  const {start, end} = reference;
  if (reference.kind === 'definition') return {start, end, value: `[${reference.label ?? ''}]: ${destination}${title}`};
  if (reference.kind === 'image') return {start, end, value: `![${reference.plain}](${destination}${title})`};
  // Only the part after the link's text: an image or code inside the text is left as written (or edited on its own).
  return {start: reference.textEnd ?? start + 1, end, value: `](${destination}${title})`};
}

/** An edit that adds one line at the top of the page's front matter, or a front matter block holding it. */
function frontMatterLines(source: string, lines: string[]): {start: number; end: number; value: string} {
  const open = /^---[ \t]*\r?\n/.exec(source);
  const block = lines.map((line) => `${line}\n`).join('');
  if (open) return {start: open[0].length, end: open[0].length, value: block};
  return {start: 0, end: 0, value: `---\n${block}---\n\n`};
}

const FOREIGN_FIX =
  'Nothing to do for the site to build; to show the component itself, write the page with Markdown or the components Docusaurus provides (Tabs, Admonitions, Details)';

function foreignMessage(foreign: ForeignMdx): string {
  const parts: string[] = [];
  if (foreign.components.length > 0) parts.push(`the component${foreign.components.length > 1 ? 's' : ''} ${foreign.components.map((name) => `<${name}>`).join(', ')} of another framework ${foreign.components.length > 1 ? 'are' : 'is'} shown as ${foreign.components.length > 1 ? 'their' : 'its'} content`);
  if (foreign.imports.length > 0) parts.push(`the import${foreign.imports.length > 1 ? 's' : ''} of ${foreign.imports.map((name) => `"${name}"`).join(', ')} ${foreign.imports.length > 1 ? 'are' : 'is'} dropped`);
  return `${parts.join('; ')} (this site is built with Docusaurus)`;
}

/** `inside`: a relative path in the repository that is no file discovery kept (a folder, a missing file). */
type Verdict = {kind: 'ignore'} | {kind: 'outside'} | {kind: 'file'; path: string} | {kind: 'inside'; path: string};

/**
 * Where a URL of a page leads. Only plain relative paths and site-absolute paths with `..` can reach
 * a file (Docusaurus resolves `/x` against its static folders); URLs with a scheme, `//host` and
 * `#anchor` are the browser's business.
 */
async function judge(url: string, page: string, root: string, known: Set<string>): Promise<Verdict> {
  if (/^[a-z][a-z\d+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url === '') return {kind: 'ignore'};
  const bare = url.replace(/[?#].*$/, '');
  const forms = new Set([bare, safeDecode(bare)]);
  let inside: string | undefined;
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
    inside ??= resolved;
  }
  return inside === undefined ? {kind: 'ignore'} : {kind: 'inside', path: inside};
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
  // Last first, and at one place a removal before an insertion, so that no edit moves another.
  for (const edit of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
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
