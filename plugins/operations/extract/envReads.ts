/**
 * Where code reads environment variables, by pattern over each line (docs/adr/0039): TypeScript and
 * JavaScript (`process.env.X`, `process.env['X']`, destructuring from `process.env`,
 * `import.meta.env.X`, zod / envalid / t3-env schema fields), Python (`os.environ[...]`,
 * `os.environ.get`, `os.getenv`, pydantic `BaseSettings` fields) and Go (`os.Getenv`,
 * `os.LookupEnv`). Python has no parser in this project yet: `readPython` is the seam where one goes.
 * Defaults that look like secrets are hidden here, before anything else sees them.
 */
import {looksLikeSecret} from '../../core/secrets';
import type {EnvRead} from '../model';
import {commentAbove, inComment, TEST_FILE, languageOf, lineIndex, lineStart, type Sources} from './sources';

export interface FoundRead extends EnvRead {
  name: string;
  comment?: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const DEFAULT_AFTER = /^\s*\)?\s*(?:\?\?|\|\|)\s*(?:(['"`])((?:\\.|(?!\1)[^\\])*)\1|(-?[\w.]+))/;

/** A default as code writes it, or a hidden marker when it looks like a secret. */
function withDefault(read: Omit<FoundRead, 'default' | 'defaultHidden'>, value: string | undefined): FoundRead {
  if (value === undefined || value === '') return read;
  if (looksLikeSecret({name: read.name, value})) return {...read, defaultHidden: true};
  return {...read, default: value.length > 120 ? `${value.slice(0, 117)}...` : value};
}

function unquote(raw: string): string {
  const text = raw.trim();
  const match = /^(['"`])(.*)\1$/s.exec(text) ?? /^[rbf]?(['"])(.*)\1$/s.exec(text);
  return match ? match[2]! : text;
}


export async function findEnvReads(sources: Sources): Promise<FoundRead[]> {
  const found: FoundRead[] = [];
  for (const file of sources.files) {
    const language = languageOf(file);
    if (!language || TEST_FILE.test(file)) continue;
    const text = await sources.read(file);
    if (!text) continue;
    const reads = language === 'python' ? readPython(file, text) : language === 'go' ? readGo(file, text) : readScript(file, text, language);
    // One read per variable and line: `process.env.X ? process.env.X : …` is one place.
    const seen = new Set<string>();
    for (const read of reads) {
      const key = `${read.name}:${read.line}`;
      if (!seen.has(key)) found.push(read);
      seen.add(key);
    }
  }
  return found;
}

function readScript(file: string, text: string, language: 'ts' | 'js'): FoundRead[] {
  const hasProcess = text.includes('process.env');
  const hasMeta = text.includes('import.meta.env');
  if (!hasProcess && !hasMeta && !text.includes('createEnv')) return [];
  const lines = text.split('\n');
  const line = lineIndex(text);
  const out: FoundRead[] = [];
  const add = (name: string, offset: number, via: string, rest: string, required = false) => {
    const at = line(offset);
    if (inComment(lines[at - 1]!, offset - lineStart(text, offset))) return;
    const def = DEFAULT_AFTER.exec(rest);
    const nonNull = /^!/.test(rest);
    out.push(withDefault({name, file, line: at, language, via, required: required || nonNull, comment: commentAbove(lines, at - 1)}, def ? (def[2] ?? def[3]) : undefined));
  };
  const direct = new RegExp(`\\b(process\\.env|import\\.meta\\.env)(?:\\.(${NAME})|\\[\\s*(['"\`])(${NAME})\\3\\s*\\])`, 'g');
  for (const match of text.matchAll(direct)) {
    const name = match[2] ?? match[4]!;
    if (/^(?:MODE|DEV|PROD|SSR|BASE_URL)$/.test(name) && match[1] === 'import.meta.env') continue; // Vite's built-ins
    add(name, match.index, match[1]!, text.slice(match.index + match[0].length, match.index + match[0].length + 160));
  }
  // const {A, B = 'x', C: renamed} = process.env
  for (const match of text.matchAll(/\{([^{}]{1,2000})\}\s*=\s*process\.env\b/g)) {
    const body = match[1]!;
    for (const field of body.matchAll(new RegExp(`(?:^|,)\\s*(${NAME})\\s*(?::\\s*${NAME}\\s*)?(?:=\\s*([^,]+))?`, 'g'))) {
      const offset = match.index + 1 + field.index + field[0].indexOf(field[1]!);
      const at = line(offset);
      if (inComment(lines[at - 1]!, offset - lineStart(text, offset))) continue;
      out.push(withDefault({name: field[1]!, file, line: at, language, via: 'process.env (destructured)', required: false, comment: commentAbove(lines, at - 1)}, field[2] && unquote(field[2])));
    }
  }
  out.push(...readSchemaFields(file, text, language, lines, line));
  return out;
}

/** Fields of a zod object or an envalid `cleanEnv` spec, in files that parse the environment. */
function readSchemaFields(file: string, text: string, language: 'ts' | 'js', lines: string[], line: (offset: number) => number): FoundRead[] {
  const zod = /\bz\.object\(/.test(text) && /(?:parse|safeParse)\(\s*(?:process\.env|import\.meta\.env)|createEnv\(/.test(text);
  const envalid = /\bcleanEnv\(/.test(text);
  if (!zod && !envalid) return [];
  const out: FoundRead[] = [];
  const field = zod
    ? new RegExp(`^\\s*(${NAME})\\s*:\\s*z\\.(?:coerce\\.)?(\\w+)\\(([^\\n]*)$`, 'gm')
    : new RegExp(`^\\s*(${NAME})\\s*:\\s*(str|num|bool|port|url|email|host|json)\\(([^\\n]*)$`, 'gm');
  for (const match of text.matchAll(field)) {
    const [, name, type, rest = ''] = match;
    if (!/^[A-Z][A-Z0-9_]*$/.test(name!)) continue; // environment names are upper case; other keys are schema options
    const def = zod ? /\.default\(\s*([^)]*)\)/.exec(rest) : /\bdefault:\s*([^,}]*)/.exec(rest);
    const optional = zod ? /\.optional\(\)/.test(rest) : false;
    const at = line(match.index + match[0].indexOf(name!));
    out.push(
      withDefault(
        {name: name!, file, line: at, language, via: zod ? 'zod schema' : 'envalid', type: type!, required: !def && !optional, comment: commentAbove(lines, at - 1)},
        def ? unquote(def[1]!) : undefined,
      ),
    );
  }
  return out;
}

/**
 * Python by pattern. The seam for a real parser: replace this function (same input, same output)
 * when the project gains one.
 */
export function readPython(file: string, text: string): FoundRead[] {
  const hasOs = text.includes('environ') || text.includes('getenv');
  const hasSettings = text.includes('BaseSettings');
  if (!hasOs && !hasSettings) return [];
  const lines = text.split('\n');
  const line = lineIndex(text);
  const out: FoundRead[] = [];
  const push = (name: string, offset: number, via: string, required: boolean, def?: string) => {
    const at = line(offset);
    out.push(withDefault({name, file, line: at, language: 'python', via, required, comment: commentAbove(lines, at - 1)}, def));
  };
  for (const match of text.matchAll(new RegExp(`\\b(?:os\\.)?environ\\[\\s*(['"])(${NAME})\\1\\s*\\]`, 'g'))) push(match[2]!, match.index, 'os.environ[...]', true);
  for (const match of text.matchAll(new RegExp(`\\b((?:os\\.)?environ\\.get|os\\.getenv|getenv)\\(\\s*(['"])(${NAME})\\2\\s*(?:,\\s*([^)\\n]*))?\\)`, 'g'))) {
    const def = match[4]?.trim();
    push(match[3]!, match.index, match[1]!.startsWith('os.') ? match[1]! : `os.${match[1]}`, false, def && def !== 'None' ? unquote(def) : undefined);
  }
  if (hasSettings) out.push(...readSettingsClasses(file, lines, line(0)));
  return out;
}

/** pydantic `BaseSettings` subclasses: each field is a variable, upper-cased, with the class's `env_prefix`. */
function readSettingsClasses(file: string, lines: string[], _first: number): FoundRead[] {
  const out: FoundRead[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^(\s*)class\s+\w+\s*\(([^)]*BaseSettings[^)]*)\)\s*:/.exec(lines[i]!);
    if (!head) continue;
    const indent = head[1]!.length;
    const body: number[] = [];
    let prefix = '';
    for (let j = i + 1; j < lines.length; j++) {
      const text = lines[j]!;
      if (text.trim() === '') continue;
      if (text.length - text.trimStart().length <= indent) break;
      body.push(j);
      const pre = /env_prefix\s*[=:]\s*['"]([^'"]*)['"]/.exec(text);
      if (pre) prefix = pre[1]!;
    }
    const fieldIndent = body.length > 0 ? lines[body[0]!]!.length - lines[body[0]!]!.trimStart().length : 0;
    for (const j of body) {
      const text = lines[j]!;
      if (text.length - text.trimStart().length !== fieldIndent) continue;
      const field = /^\s*([a-zA-Z_]\w*)\s*:\s*([^=#]+?)\s*(?:=\s*(.+?))?\s*(?:#.*)?$/.exec(text);
      if (!field || field[1] === 'model_config' || field[1]!.startsWith('_')) continue;
      const [, name, type, raw] = field;
      let def = raw?.trim();
      let required = def === undefined;
      const alias = def && /(?:validation_)?alias\s*=\s*['"]([^'"]+)['"]/.exec(def);
      if (def?.startsWith('Field(')) {
        const inner = /^Field\(\s*(?:default\s*=\s*)?([^,)]*)/.exec(def);
        def = inner?.[1]?.trim();
        if (def === '...' || def === '' || def?.includes('=')) {
          required = def === '...';
          def = undefined;
        }
      }
      const envName = alias ? alias[1]! : `${prefix}${name}`.toUpperCase();
      out.push(
        withDefault(
          {name: envName, file, line: j + 1, language: 'python', via: 'pydantic BaseSettings', type: type!.trim(), required, comment: commentAbove(lines, j)},
          def && def !== 'None' ? unquote(def) : undefined,
        ),
      );
    }
  }
  return out;
}

function readGo(file: string, text: string): FoundRead[] {
  if (!text.includes('Getenv') && !text.includes('LookupEnv')) return [];
  const lines = text.split('\n');
  const line = lineIndex(text);
  const out: FoundRead[] = [];
  for (const match of text.matchAll(new RegExp(`\\bos\\.(Getenv|LookupEnv)\\(\\s*"(${NAME})"\\s*\\)`, 'g'))) {
    const at = line(match.index);
    out.push({name: match[2]!, file, line: at, language: 'go', via: `os.${match[1]}`, required: false, comment: commentAbove(lines, at - 1)});
  }
  return out;
}
