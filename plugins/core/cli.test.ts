/**
 * The CLI's checks before Docusaurus runs. No test here gives a valid target with a valid config:
 * that would start a real Docusaurus build.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance} from 'vitest';
import {main} from './cli';

let base: string;
/** The user's working folder: must stay empty whatever the CLI is asked. */
let cwd: string;
let errors: MockInstance<typeof console.error>;
let logs: MockInstance<typeof console.log>;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-cli-')));
  cwd = path.join(base, 'cwd');
  fs.mkdirSync(cwd);
  fs.writeFileSync(path.join(base, 'file.txt'), 'x\n');
  fs.mkdirSync(path.join(base, 'bad-config'));
  fs.writeFileSync(path.join(base, 'bad-config', 'docs-architect.config.yaml'), 'titel: Typo\n');
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

beforeEach(() => {
  vi.stubEnv('INIT_CWD', cwd);
  vi.stubEnv('DOCS_TARGET', undefined);
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  logs = vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  expect(fs.readdirSync(cwd)).toEqual([]); // nothing written where the user is
});

/** The single line printed on stderr. */
function errorLine(): string {
  expect(errors).toHaveBeenCalledTimes(1);
  const [message] = errors.mock.calls[0]!;
  expect(typeof message).toBe('string');
  expect(message as string).not.toContain('\n');
  return message as string;
}

describe('cli main', () => {
  it('build of a folder that does not exist: exit 1, one line naming the path', async () => {
    expect(await main(['build', '/nonexistent/docs-architect-target'])).toBe(1);
    expect(errorLine()).toBe(
      'docs-architect: target "/nonexistent/docs-architect-target" does not exist (looked for /nonexistent/docs-architect-target). Pass the path of a repository folder, e.g. `docs-architect build ../my-repo`.',
    );
  });

  it('a relative target is resolved from where the user ran the command', async () => {
    expect(await main(['start', 'missing-repo'])).toBe(1);
    expect(errorLine()).toContain(`(looked for ${path.join(cwd, 'missing-repo')})`);
  });

  it('DOCS_TARGET is used when no target is given', async () => {
    vi.stubEnv('DOCS_TARGET', '/nonexistent/from-env');
    expect(await main(['build'])).toBe(1);
    expect(errorLine()).toContain('target "/nonexistent/from-env" does not exist');
  });

  it('build of a file: exit 1, one line naming the file', async () => {
    expect(await main(['build', path.join(base, 'file.txt')])).toBe(1);
    expect(errorLine()).toBe(
      `docs-architect: ${path.join(base, 'file.txt')}: target "${path.join(base, 'file.txt')}" is a file, not a folder. Pass the folder at the root of the repository, not a file in it.`,
    );
  });

  it('a broken config fails before Docusaurus starts, naming file, line and key', async () => {
    expect(await main(['build', path.join(base, 'bad-config')])).toBe(1);
    expect(errorLine()).toBe(
      `docs-architect: ${path.join(base, 'bad-config', 'docs-architect.config.yaml')}:1: titel: unknown key. Did you mean "title"? Rename it.`,
    );
    expect(fs.readdirSync(path.join(base, 'bad-config'))).toEqual(['docs-architect.config.yaml']);
  });

  it('an unknown command: exit 1', async () => {
    expect(await main(['frobnicate', cwd])).toBe(1);
    expect(errorLine()).toBe('docs-architect: unknown command "frobnicate". Use build, start, serve, check or extract (see --help).');
  });

  it('option values are checked before anything runs', async () => {
    // Targets that do not exist, so that even a regression could not start a build.
    expect(await main(['build', '/nonexistent', '--bundler', 'vite'])).toBe(1);
    expect(errorLine()).toBe('docs-architect: unknown bundler "vite". Use --bundler rspack or --bundler webpack.');
    errors.mockClear();
    expect(await main(['start', '/nonexistent', '--port', '80a'])).toBe(1);
    expect(errorLine()).toBe('docs-architect: port "80a" is not a number. Use e.g. --port 3000.');
    errors.mockClear();
    expect(await main(['build', '/nonexistent', 'extra'])).toBe(1);
    expect(errorLine()).toBe('docs-architect: unexpected arguments: extra. Give one target folder.');
    errors.mockClear();
    expect(await main(['serve', '/nonexistent'])).toBe(1);
    expect(errorLine()).toBe('docs-architect: serve takes no target. Use --out <dir> to choose the built site.');
    errors.mockClear();
    expect(await main(['start', '/nonexistent', '--json', 'site.json'])).toBe(1);
    expect(errorLine()).toBe('docs-architect: --json is an option of build and extract. Use docs-architect build --json site.json.');
  });

  it('extract writes the code reference model of a Python package, with warnings on stderr, and --strict fails on them', async () => {
    const target = path.join(base, 'py');
    fs.mkdirSync(path.join(target, 'pkg'), {recursive: true});
    fs.writeFileSync(path.join(target, 'pkg', '__init__.py'), '"""A package."""\nfrom .core import greet\n\n__all__ = ["greet", "missing"]\n');
    fs.writeFileSync(path.join(target, 'pkg', 'core.py'), 'def greet(name: str = "you") -> str:\n    """Say hello."""\n    return name\n');
    const out = path.join(base, 'out', 'model.json');
    expect(await main(['extract', target, '--json', out])).toBe(0);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as {version: number; kind: string; model: {symbols: {name: string; signatures?: unknown[]}[]}};
    expect(written.version).toBe(1);
    expect(written.kind).toBe('code-reference');
    expect(written.model.symbols.map((symbol) => symbol.name)).toEqual(['greet']);
    expect(written.model.symbols[0]!.signatures).toHaveLength(1);
    expect(errorLine()).toMatch(/^warning: .*pkg\/__init__\.py.*`__all__` of pkg names `missing`/);
    const first = fs.readFileSync(out);
    errors.mockClear();
    expect(await main(['extract', target, '--json', out, '--strict'])).toBe(1);
    expect(fs.readFileSync(out).equals(first)).toBe(true); // same input, same bytes
  });

  it('an unknown option: exit 2 with the usage', async () => {
    expect(await main(['build', '--frobnicate'])).toBe(2);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]![0])).toMatch(/^docs-architect: Unknown option '--frobnicate'[\s\S]*Usage: docs-architect <command>/);
  });

  it('--help and -h: exit 0, usage on stdout, nothing on stderr', async () => {
    for (const flag of ['--help', '-h']) {
      logs.mockClear();
      expect(await main([flag])).toBe(0);
      expect(logs).toHaveBeenCalledTimes(1);
      expect(String(logs.mock.calls[0]![0])).toMatch(/^Usage: docs-architect <command> \[target\] \[options\]/);
    }
    expect(await main(['build', '/nonexistent', '--help'])).toBe(0); // help wins, nothing is checked
    expect(errors).not.toHaveBeenCalled();
  });

  it('no command: usage, exit 2', async () => {
    expect(await main([])).toBe(2);
    expect(String(logs.mock.calls[0]![0])).toContain('Usage: docs-architect');
  });

  it('--version prints the version of package.json', async () => {
    const {version} = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {version: string};
    expect(await main(['--version'])).toBe(0);
    expect(logs.mock.calls).toEqual([[version]]);
  });
});
