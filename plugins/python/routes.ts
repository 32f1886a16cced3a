/**
 * FastAPI and Flask routes from the code reference model: the decorators of Python functions
 * (`@router.get("/{id}", response_model=Hero)`, `@app.route("/", methods=["POST"])`), with the
 * prefix of the `APIRouter(prefix=...)` / `Blueprint(url_prefix=...)` they hang on when it is a
 * module-level variable of the same file. Exact or nothing: a path that is not a literal is left out.
 * A plain function of the model, so the applications section can list these routes beside its own.
 */
import type {CodeReferenceModel, SymbolModel} from '../code-reference/model';

export interface PythonRoute {
  method: string;
  path: string;
  /** The handler: its symbol id (for `site.urlOf('symbol', id)`), name, file and line. */
  symbol: string;
  name: string;
  file: string;
  line: number;
  responseModel?: string;
  dependencies?: string[];
  framework: 'fastapi' | 'flask';
}

const HTTP = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace'];
const DECORATOR = /^@([A-Za-z_]\w*)\.(get|post|put|patch|delete|head|options|trace|route|api_route|websocket)\((.*)\)$/s;

/** The first positional argument when it is a string literal, and the keyword arguments as written. */
function callArgs(args: string): {first?: string; keywords: Map<string, string>} {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let current = '';
  for (const char of args) {
    if (quote) {
      if (char === quote && !current.endsWith('\\')) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) parts.push(current.trim());
  const keywords = new Map<string, string>();
  let first: string | undefined;
  parts.forEach((part, i) => {
    const keyword = /^([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/.exec(part);
    if (keyword) keywords.set(keyword[1]!, keyword[2]!);
    else if (i === 0) first = literal(part);
  });
  return {...(first !== undefined ? {first} : {}), keywords};
}

function literal(text: string | undefined): string | undefined {
  return text ? /^[rRuU]?(["'])(.*)\1$/s.exec(text.trim())?.[2] : undefined;
}

function strings(list: string | undefined): string[] {
  return [...(list ?? '').matchAll(/(["'])([^"']*)\1/g)].map((match) => match[2]!);
}

export function pythonRoutes(model: CodeReferenceModel): PythonRoute[] {
  const python = model.symbols.filter((symbol) => symbol.language === 'python');
  // Prefixes of routers and blueprints, by file and variable name.
  const prefixes = new Map<string, string>();
  for (const symbol of python) {
    if (symbol.kind !== 'variable' || !symbol.value) continue;
    const call = /^(?:fastapi\.)?(APIRouter|Blueprint)\((.*)\)$/s.exec(symbol.value);
    if (!call) continue;
    const prefix = literal(callArgs(call[2]!).keywords.get(call[1] === 'APIRouter' ? 'prefix' : 'url_prefix'));
    prefixes.set(`${symbol.file}\0${symbol.name}`, prefix ?? '');
  }
  const routes: PythonRoute[] = [];
  for (const symbol of python) {
    if (symbol.kind !== 'function') continue;
    for (const decorator of symbol.decorators ?? []) routes.push(...routesOf(symbol, decorator, prefixes));
  }
  return routes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
}

function routesOf(symbol: SymbolModel, decorator: string, prefixes: Map<string, string>): PythonRoute[] {
  const match = DECORATOR.exec(decorator);
  if (!match) return [];
  const [, owner, verb, rawArgs] = match;
  const {first, keywords} = callArgs(rawArgs!);
  if (first === undefined) return [];
  const flask = verb === 'route' && !keywords.has('response_model');
  const methods = verb === 'route' || verb === 'api_route' ? (strings(keywords.get('methods')).map((one) => one.toUpperCase()) as string[]) : [verb === 'websocket' ? 'WS' : verb!.toUpperCase()];
  const prefix = prefixes.get(`${symbol.file}\0${owner}`) ?? '';
  const dependencies = [...(keywords.get('dependencies') ?? '').matchAll(/Depends\(\s*([\w.]+)/g)].map((one) => one[1]!);
  const responseModel = keywords.get('response_model');
  return (methods.length > 0 ? methods : ['GET'])
    .filter((method) => method === 'WS' || HTTP.includes(method.toLowerCase()))
    .map((method) => ({
      method,
      path: `${prefix}${first}` || '/',
      symbol: symbol.id,
      name: symbol.name,
      file: symbol.file,
      line: symbol.line,
      ...(responseModel ? {responseModel} : {}),
      ...(dependencies.length > 0 ? {dependencies} : {}),
      framework: flask ? 'flask' : 'fastapi',
    }));
}
