/**
 * What a `<CodeSnippet>` shows, read from the target when the site is built: a whole file, a line
 * range (`lines="10-30"`), a region between `#region name` and `#endregion` markers, or a symbol's
 * declaration. Only files discovery kept are read (never a path out of the target or an ignored
 * file); whatever is gone comes back as a broken citation with the closest existing name.
 */
import fs from 'node:fs';
import path from 'node:path';
import {hashContent} from '../core/contentCache';
import {remembered, runStoreOpen} from '../core/runStore';
import {toolVersion} from '../core/site/sectionKeys';
import type {BrokenCitation} from './model';
import {closestName} from './closest';
import {declarationRanges} from './symbolRanges';

/**
 * `check` keeps each cited file's declarations between runs, by its path and text (docs/adr/0058):
 * a warm run parses no cited file that did not change.
 */
export const SYMBOL_RANGES_STORE = {name: 'symbol-ranges', version: () => toolVersion()};

export interface Snippet {
  /** Path relative to the target's root, POSIX. */
  file: string;
  code: string;
  /** Prism's name for the language, from the file's extension. */
  language: string;
  /** 1-based lines of the file the code spans. */
  startLine: number;
  endLine: number;
}

export type SnippetResult = {ok: true; snippet: Snippet} | {ok: false; broken: BrokenCitation};

/** What the snippets of a build read: the target's files, each read and parsed once. */
export interface CodeReader {
  /** Files discovery kept, relative POSIX paths. */
  files: ReadonlySet<string>;
  text(file: string): string;
  declarations(file: string): Map<string, {start: number; end: number}> | undefined;
}

export function createCodeReader(root: string, files: readonly string[]): CodeReader {
  const texts = new Map<string, string>();
  const parsed = new Map<string, ReturnType<typeof declarationRanges>>();
  const text = (file: string) => {
    let value = texts.get(file);
    if (value === undefined) texts.set(file, (value = fs.readFileSync(path.join(root, file), 'utf8')));
    return value;
  };
  return {
    files: new Set(files),
    text,
    declarations(file) {
      if (!parsed.has(file)) {
        const source = text(file);
        const parse = () => declarationRanges(file, source);
        parsed.set(file, runStoreOpen() ? remembered(SYMBOL_RANGES_STORE.name, hashContent(file, source), parse) : parse());
      }
      return parsed.get(file);
    },
  };
}

export function readSnippet(reader: CodeReader, props: Record<string, string>): SnippetResult {
  const wanted = (props.path ?? '').replace(/\\/g, '/').replace(/^\.\//, '');
  if (!wanted) return broken('`path` is missing: name the file, relative to the repository root');
  const file = path.posix.normalize(wanted);
  if (!reader.files.has(file)) {
    return broken(`the file "${wanted}" is not in the repository (or is ignored)`, closestName(file, reader.files));
  }
  const text = reader.text(file);
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const chosen = [props.symbol !== undefined, props.region !== undefined, props.lines !== undefined].filter(Boolean).length;
  if (chosen > 1) return broken('give one of `symbol`, `region` or `lines`, not several');

  let first = 1;
  let last = lines.length;
  if (props.symbol !== undefined) {
    const declarations = reader.declarations(file);
    if (!declarations) return broken(`symbols of ${file} cannot be read (only TypeScript, JavaScript, Python and Go files); cite it with \`lines\` or \`region\``);
    const range = declarations.get(props.symbol);
    if (!range) return broken(`the symbol "${props.symbol}" is not declared in ${file}`, closestName(props.symbol, declarations.keys()));
    first = lineAt(text, range.start);
    last = lineAt(text, Math.max(range.start, range.end - 1));
  } else if (props.region !== undefined) {
    const region = findRegion(lines, props.region);
    if ('missing' in region) return broken(`the region "${props.region}" is not marked in ${file}${region.missing}`, closestName(props.region, region.names));
    first = region.first;
    last = region.last;
  } else if (props.lines !== undefined) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(props.lines);
    if (!match) return broken(`\`lines="${props.lines}"\` is not a line range; write e.g. lines="10-30"`);
    first = Number(match[1]);
    last = Number(match[2] ?? match[1]);
    if (first < 1 || last < first || last > lines.length) return broken(`the lines ${props.lines} are not in ${file}, which has ${lines.length} lines`);
  }
  const code = dedent(lines.slice(first - 1, last).filter((line) => !REGION_MARK.test(line)));
  return {ok: true, snippet: {file, code, language: languageOf(file), startLine: first, endLine: last}};
}

function broken(missing: string, suggestion?: string): SnippetResult {
  return {ok: false, broken: suggestion ? {missing, suggestion} : {missing}};
}

/** `// #region name`, `# region name`, `<!-- #region name -->`, `/* #region name *\/` and their `endregion`. */
const REGION_MARK = /^\s*(?:\/\/|#|--|<!--|\/\*)\s*#?\s*(end)?region\b\s*(.*?)\s*(?:-->|\*\/)?\s*$/i;

function findRegion(lines: string[], name: string): {first: number; last: number} | {missing: string; names: string[]} {
  const names: string[] = [];
  let open: number | undefined;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const mark = REGION_MARK.exec(lines[i]!);
    if (!mark) continue;
    if (!mark[1]) {
      names.push(mark[2]!);
      if (open === undefined && mark[2] === name) {
        open = i + 1;
        depth = 0;
      } else if (open !== undefined) depth++;
      continue;
    }
    if (open === undefined) continue;
    if (depth > 0) {
      depth--;
      continue;
    }
    return {first: open + 1, last: i};
  }
  return {missing: open === undefined ? '' : ' (its #endregion is missing)', names};
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** The lines without their common indentation (a method cited alone reads from the left margin). */
function dedent(lines: string[]): string {
  const indents = lines.filter((line) => line.trim()).map((line) => /^[ \t]*/.exec(line)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(cut).trimEnd()).join('\n');
}

const LANGUAGES: Record<string, string> = {
  ts: 'ts', mts: 'ts', cts: 'ts', tsx: 'tsx', js: 'js', mjs: 'js', cjs: 'js', jsx: 'jsx',
  py: 'python', pyi: 'python', go: 'go', rs: 'rust', java: 'java', kt: 'kotlin', rb: 'ruby', php: 'php',
  sh: 'bash', bash: 'bash', yml: 'yaml', yaml: 'yaml', json: 'json', md: 'markdown', mdx: 'markdown',
  sql: 'sql', css: 'css', scss: 'scss', html: 'html', toml: 'toml', graphql: 'graphql', proto: 'protobuf',
};

function languageOf(file: string): string {
  const base = path.posix.basename(file);
  if (base === 'Dockerfile') return 'docker';
  return LANGUAGES[/\.([^.]+)$/.exec(base)?.[1]?.toLowerCase() ?? ''] ?? 'text';
}
