/**
 * Security facts from files: authentication middleware found in code, SECURITY.md and CODEOWNERS,
 * and each package's runtime dependencies with the version the lock file resolves and the licence
 * the lock file or the installed manifest states ("unknown" when neither does).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {parseJson} from '../../core/parseJson';
import type {AuthScheme, Dependency, OperationsModel} from '../model';
import {nested} from './toolchain';
import {inComment, languageOf, lineIndex, lineStart, TEST_FILE, type Sources} from './sources';

const AUTH_PATTERNS: {name: string; type: string; pattern: RegExp}[] = [
  {name: 'Passport strategy', type: 'passport', pattern: /passport\.use\(\s*(?:['"][\w-]+['"]\s*,\s*)?new\s+(\w+Strategy)/g},
  {name: 'JWT verification', type: 'bearer (JWT)', pattern: /\b(?:jwt\.verify|jwtVerify|expressjwt|expressJwt|verifyJwt|jose\.jwtVerify)\(/g},
  {name: 'API key header', type: 'apiKey (header)', pattern: /headers(?:\[\s*['"`](x-api-key|api-key|x-auth-token)['"`]\s*\]|\.get\(\s*['"`](x-api-key|api-key|x-auth-token)['"`]\s*\))/gi},
  {name: 'Authorization header', type: 'http (Authorization header)', pattern: /headers(?:\.authorization\b|\[\s*['"`]authorization['"`]\s*\]|\.get\(\s*['"`]authorization['"`]\s*\))|Header\.Get\("Authorization"\)/gi},
  {name: 'OAuth2 password bearer', type: 'oauth2', pattern: /\bOAuth2(?:PasswordBearer|AuthorizationCodeBearer)\(/g},
  {name: 'HTTP bearer/basic', type: 'http', pattern: /\bHTTP(?:Bearer|Basic|Digest)\(\s*\)/g},
  {name: 'API key (FastAPI)', type: 'apiKey', pattern: /\bAPIKey(?:Header|Query|Cookie)\(/g},
  {name: 'Auth library', type: 'session/OAuth', pattern: /from\s+['"](next-auth|@auth\/core|better-auth|@clerk\/[\w-]+|lucia|express-session|@fastify\/jwt|@fastify\/auth|hono\/jwt|hono\/bearer-auth|hono\/basic-auth|koa-jwt|flask_login|flask_jwt_extended)['"]/g},
];

/**
 * Words every pattern above needs, checked with `includes` before any pattern runs: a string search
 * is many times faster than a regular expression with alternatives, and most files have none.
 */
const AUTH_WORDS = ['auth', 'Auth', 'jwt', 'Jwt', 'passport', 'pi-key', 'PI-Key', 'APIKey', 'session', 'clerk', 'lucia'];
const mayHoldAuth = (text: string) => AUTH_WORDS.some((word) => text.includes(word));

export async function readAuthInCode(sources: Sources): Promise<AuthScheme[]> {
  const found: AuthScheme[] = [];
  for (const file of sources.files) {
    const language = languageOf(file);
    if (!language || TEST_FILE.test(file)) continue;
    const text = await sources.read(file);
    if (!text || !mayHoldAuth(text)) continue;
    const line = lineIndex(text);
    const lines = text.split('\n');
    for (const {name, type, pattern} of AUTH_PATTERNS) {
      const match = [...text.matchAll(pattern)].find((m) => !inComment(lines[line(m.index) - 1]!, m.index - lineStart(text, m.index)));
      if (!match) continue;
      const detail = match.slice(1).find(Boolean);
      found.push({name, type, detail, source: 'code', file, line: line(match.index)});
    }
  }
  return found;
}

export async function readSecurityFiles(sources: Sources): Promise<OperationsModel['securityFiles']> {
  const out: OperationsModel['securityFiles'] = [];
  for (const file of ['SECURITY.md', '.github/SECURITY.md', 'docs/SECURITY.md', 'security.md']) if (sources.has(file)) out.push({kind: 'security-policy', file});
  for (const file of ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS']) {
    const text = await sources.read(file);
    if (text === undefined) continue;
    const owners = text.split('\n').flatMap((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('[')) return [];
      const [pattern, ...who] = line.split(/\s+/);
      return [{pattern: pattern!, owners: who.filter((w) => !w.startsWith('#')), line: i + 1}];
    });
    out.push({kind: 'codeowners', file, owners});
  }
  return out;
}

const PACKAGE_NAME = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i;

/** A package's licence from its installed manifest (inside the target's node_modules only). */
async function installedLicense(root: string, dir: string, name: string): Promise<string | undefined> {
  if (!PACKAGE_NAME.test(name)) return undefined;
  for (const base of [path.join(root, dir, 'node_modules'), path.join(root, 'node_modules')]) {
    const text = await fs.readFile(path.join(base, name, 'package.json'), 'utf8').catch(() => undefined);
    if (!text) continue;
    const parsed = parseJson(text);
    if (!parsed.ok || typeof parsed.value !== 'object' || !parsed.value) continue;
    const license = (parsed.value as {license?: unknown}).license;
    if (typeof license === 'string') return license;
    if (typeof license === 'object' && license && typeof (license as {type?: unknown}).type === 'string') return (license as {type: string}).type;
  }
  return undefined;
}

export async function readDependencies(root: string, sources: Sources, packageDirs: string[]): Promise<OperationsModel['dependencies']> {
  const out: OperationsModel['dependencies'] = [];
  const lockText = await sources.readLarge('package-lock.json');
  const lock = lockText ? parseJson(lockText) : undefined;
  const lockPackages = lock?.ok && typeof lock.value === 'object' && lock.value ? ((lock.value as {packages?: Record<string, {version?: string; license?: string}>}).packages ?? {}) : {};
  for (const dir of packageDirs) {
    const manifest = dir ? `${dir}/package.json` : 'package.json';
    const text = await sources.read(manifest);
    const parsed = text ? parseJson(text) : undefined;
    if (!parsed?.ok || typeof parsed.value !== 'object' || !parsed.value) continue;
    const deps = (parsed.value as {dependencies?: Record<string, unknown>}).dependencies ?? {};
    const packages: Dependency[] = [];
    for (const [name, range] of Object.entries(deps)) {
      const entry = lockPackages[path.posix.join(dir, 'node_modules', name)] ?? lockPackages[`node_modules/${name}`];
      const license = entry?.license ?? (await installedLicense(root, dir, name)) ?? 'unknown';
      packages.push({name, version: entry?.version ?? `${String(range)} (range; not locked)`, license, dev: false});
    }
    if (packages.length > 0) out.push({manifest, ...(lockText ? {lockfile: 'package-lock.json'} : {}), packages});
  }
  for (const manifest of nested(sources, 'go.mod')) {
    const gomod = await sources.read(manifest);
    const packages = [...(gomod ?? '').matchAll(/^\s*(?:require\s+)?([\w.-]+\.[\w.-]+\/[\w./-]+)\s+(v[\w.+-]+)(\s*\/\/\s*indirect)?/gm)].filter((m) => !m[3]).map((m) => ({name: m[1]!, version: m[2]!, license: 'unknown', dev: false}));
    const sum = manifest.replace(/go\.mod$/, 'go.sum');
    if (packages.length > 0) out.push({manifest, ...(sources.has(sum) ? {lockfile: sum} : {}), packages});
  }
  for (const lockfile of [...nested(sources, 'poetry.lock'), ...nested(sources, 'uv.lock')]) {
    const text = await sources.readLarge(lockfile);
    if (!text) continue;
    const packages = [...text.matchAll(/^\[\[package\]\]\s*\nname\s*=\s*"([^"]+)"\s*\nversion\s*=\s*"([^"]+)"/gm)].map((m) => ({name: m[1]!, version: m[2]!, license: 'unknown', dev: false}));
    if (packages.length > 0) out.push({manifest: lockfile.replace(/(poetry|uv)\.lock$/, 'pyproject.toml'), lockfile, packages});
  }
  for (const entry of out) entry.packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}
