import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatUserError, isUserError, UserError} from './errors';
import {findConfigFile, loadConfig} from './loadConfig';
import {validateConfig} from './validateConfig';

let tmp: string;
let counter = 0;

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-config-')));
});

afterAll(() => {
  fs.rmSync(tmp, {recursive: true, force: true});
});

/** A fresh target folder holding the given files. */
function target(files: Record<string, string>): string {
  const dir = path.join(tmp, `t${++counter}`);
  fs.mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** The UserError loading `dir` throws, formatted, with the target folder replaced by `<target>`. */
async function failure(dir: string): Promise<{error: UserError; text: string}> {
  const error: unknown = await loadConfig(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return {error, text: formatUserError(error).replaceAll(dir, '<target>')};
}

describe('loadConfig: formats that load', () => {
  it('a target without a config file gives an empty config and no file', async () => {
    const dir = target({'package.json': '{}'});
    expect(await loadConfig(dir)).toEqual({config: {}});
    expect(await findConfigFile(dir)).toBeUndefined();
  });

  it('YAML', async () => {
    const dir = target({
      'docs-architect.config.yaml': '# comment\ntitle: Acme\ninclude:\n  - src/\nstrict: true\nbaseUrl: /docs/\nurl: https://docs.acme.dev\n',
    });
    expect(await loadConfig(dir)).toEqual({
      file: path.join(dir, 'docs-architect.config.yaml'),
      config: {title: 'Acme', include: ['src/'], strict: true, baseUrl: '/docs/', url: 'https://docs.acme.dev'},
    });
  });

  it('.yml, and an empty YAML file is an empty config', async () => {
    expect((await loadConfig(target({'docs-architect.config.yml': 'branch: trunk\n'}))).config).toEqual({branch: 'trunk'});
    expect((await loadConfig(target({'docs-architect.config.yaml': ''}))).config).toEqual({});
  });

  it('JSON', async () => {
    const dir = target({'docs-architect.config.json': '{"title": "Acme", "repositoryUrl": "https://github.com/acme/payments"}'});
    expect(await loadConfig(dir)).toEqual({
      file: path.join(dir, 'docs-architect.config.json'),
      config: {title: 'Acme', repositoryUrl: 'https://github.com/acme/payments'},
    });
  });

  it('TypeScript, with types and an import of a sibling module', async () => {
    const dir = target({
      'shared.ts': 'export const name: string = "From TS";\n',
      'docs-architect.config.ts':
        'import {name} from "./shared";\ninterface Config {title: string; exclude: string[]}\nconst config: Config = {title: name, exclude: ["gen/"]};\nexport default config;\n',
    });
    expect(await loadConfig(dir)).toEqual({
      file: path.join(dir, 'docs-architect.config.ts'),
      config: {title: 'From TS', exclude: ['gen/']},
    });
  });

  it('JavaScript: CommonJS exports, an ES module, and an async function', async () => {
    expect((await loadConfig(target({'docs-architect.config.js': 'module.exports = {title: "cjs"};\n'}))).config).toEqual({title: 'cjs'});
    expect((await loadConfig(target({'docs-architect.config.mjs': 'export default {title: "esm"};\n'}))).config).toEqual({title: 'esm'});
    expect(
      (await loadConfig(target({'docs-architect.config.cjs': 'module.exports = async () => ({title: "fn", strict: false});\n'}))).config,
    ).toEqual({title: 'fn', strict: false});
  });

  it('a changed .ts config is read again (no stale module cache)', async () => {
    const dir = target({'docs-architect.config.ts': 'export default {title: "one"};\n'});
    expect((await loadConfig(dir)).config.title).toBe('one');
    fs.writeFileSync(path.join(dir, 'docs-architect.config.ts'), 'export default {title: "two"};\n');
    expect((await loadConfig(dir)).config.title).toBe('two');
  });
});

describe('loadConfig: mistakes are UserErrors naming file, line and key', () => {
  it('an unknown key names the file, the line and the key, and suggests the closest key', async () => {
    const dir = target({'docs-architect.config.yaml': 'title: Acme\n\ntitel: Typo\n'});
    const {error, text} = await failure(dir);
    expect(error.details).toMatchObject({file: path.join(dir, 'docs-architect.config.yaml'), line: 3, key: 'titel'});
    expect(text).toMatchInlineSnapshot(`"<target>/docs-architect.config.yaml:3: titel: unknown key. Did you mean "title"? Rename it."`);
  });

  it('a key far from every known key lists the known keys instead of guessing', async () => {
    const {text} = await failure(target({'docs-architect.config.yaml': 'zzzqqq: 1\n'}));
    expect(text).toContain('zzzqqq: unknown key. Remove it; the known keys are title, tagline, repositoryUrl,');
    expect(text).not.toContain('Did you mean');
  });

  it('an unknown nested key is compared with the keys of its own object, list items included', async () => {
    const {text} = await failure(
      target({'docs-architect.config.yaml': 'audiences:\n  extr: []\n  extra:\n    - id: data\n      lable: Data people\n'}),
    );
    expect(text).toContain(':2: audiences.extr: unknown key. Did you mean "extra"? Rename it.');
    expect(text).toContain(':5: audiences.extra.0.lable: unknown key. Did you mean "label"? Rename it.');
  });

  it('an audience id that is not lower-case letters, digits and dashes is refused with an example', async () => {
    const {text} = await failure(target({'docs-architect.config.yaml': 'audiences:\n  extra:\n    - id: Data Science\n      label: Data\n'}));
    expect(text).toContain(':3: audiences.extra.0.id: must be lower-case letters, digits and dashes');
    expect(text).toContain('e.g. audiences: {extra: [{id: "data-science", label: "Data scientists"}]}');
  });

  it('an unknown key inside an object is compared with the keys of that object', async () => {
    const {text} = await failure(target({'docs-architect.config.yaml': 'openapi:\n  spec:\n    - api.yaml\n'}));
    expect(text).toBe('<target>/docs-architect.config.yaml:2: openapi.spec: unknown key. Did you mean "specs"? Rename it.');
    const nested = await failure(target({'docs-architect.config.yaml': 'openapi:\n  specs:\n    - path: api.yaml\n      tittle: API\n'}));
    expect(nested.text).toBe('<target>/docs-architect.config.yaml:4: openapi.specs.0.tittle: unknown key. Did you mean "title"? Rename it.');
    const far = await failure(target({'docs-architect.config.yaml': 'openapi:\n  zzzqqq: 1\n'}));
    expect(far.text).toContain('openapi.zzzqqq: unknown key. Remove it; the known keys of openapi are specs, discover, exclude,');
  });

  it('a wrong nested value names its path and shows an example of the top-level key', async () => {
    const {text} = await failure(target({'docs-architect.config.yaml': 'openapi:\n  specs:\n    - path: api.yaml\n      id: Not An Id\n'}));
    expect(text).toMatch(/:4: openapi\.specs\.0\.id: .*lower-case letters, digits and dashes.* e\.g\. openapi: \{specs: \["api\/openapi\.yaml"\]\}\.$/);
  });

  it('a differently cased key is recognised as a typo', async () => {
    const {text} = await failure(target({'docs-architect.config.json': '{"repositoryURL": "https://github.com/a/b"}'}));
    expect(text).toMatch(/:1: repositoryURL: unknown key\. Did you mean "repositoryUrl"\? Rename it\.$/);
  });

  it('every mistake of a file is reported, one line each, in line order', async () => {
    const dir = target({
      'docs-architect.config.yaml': [
        'title: Acme',
        'strict: "yes"',
        'include: src/',
        'repositoryUrl: ftp://example.com/repo',
        'baseUrl: docs',
        'docsPath: /abs/docs',
        'titel: Typo',
      ].join('\n'),
    });
    const {error, text} = await failure(dir);
    expect(error.related).toHaveLength(5);
    expect(text).toMatchInlineSnapshot(`
      "<target>/docs-architect.config.yaml:2: strict: expected boolean, got string. Set it to a boolean, e.g. strict: true.
      <target>/docs-architect.config.yaml:3: include: expected array, got string. Set it to a list, e.g. include: ["src/", "docs/"].
      <target>/docs-architect.config.yaml:4: repositoryUrl: invalid URL. Set it to a full http(s) URL, e.g. repositoryUrl: "https://github.com/acme/payments".
      <target>/docs-architect.config.yaml:5: baseUrl: must start and end with "/". Set it to a valid value, e.g. baseUrl: "/payments/".
      <target>/docs-architect.config.yaml:6: docsPath: must be a path relative to the repository root. Set it to a valid value, e.g. docsPath: "documentation".
      <target>/docs-architect.config.yaml:7: titel: unknown key. Did you mean "title"? Rename it."
    `);
  });

  it('a wrong type names what was expected and what was found', async () => {
    const {error, text} = await failure(target({'docs-architect.config.json': '{\n  "title": "Acme",\n  "strict": 1,\n  "exclude": {"a": 1}\n}\n'}));
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/docs-architect\.config\.json:3: strict: expected boolean, got number\. Set it to a boolean, e\.g\. strict: true\.$/),
      expect.stringMatching(/docs-architect\.config\.json:4: exclude: expected array, got object\. Set it to a list, e\.g\. exclude: \["src\/generated\/"\]\.$/),
    ]);
    expect(error.details.key).toBe('strict');
  });

  it('null and list values are named as such', () => {
    expect(() => validateConfig({title: null}, 'c.json')).toThrow(/expected string, got null/);
    expect(() => validateConfig({title: ['a']}, 'c.json')).toThrow(/expected string, got a list/);
  });

  it('an invalid URL, and a URL that is not http(s)', async () => {
    for (const url of ['not a url', 'ftp://docs.acme.dev', 'javascript:alert(1)']) {
      const {error, text} = await failure(target({'docs-architect.config.yaml': `title: A\nurl: "${url}"\n`}));
      expect(error.details).toMatchObject({line: 2, key: 'url'});
      expect(text).toMatch(/:2: url: invalid URL\. Set it to a full http\(s\) URL, e\.g\. url: "https:\/\/docs\.acme\.dev"\.$/);
    }
  });

  it('a YAML syntax error gives the line it is on', async () => {
    const dir = target({'docs-architect.config.yaml': 'title: Acme\n\ttagline: tab-indented\nstrict: true\n'});
    const {error, text} = await failure(dir);
    expect(error.details.line).toBe(2);
    expect(text).toMatchInlineSnapshot(`"<target>/docs-architect.config.yaml:2: cannot parse the file: Tabs are not allowed as indentation. Fix the YAML syntax on that line."`);
  });

  it('a JSON syntax error gives the line and says JSON', async () => {
    const {error, text} = await failure(target({'docs-architect.config.json': '{\n  "title": "Acme"\n  "strict": true\n}\n'}));
    expect(error.details.line).toBe(3);
    expect(text).toMatch(/docs-architect\.config\.json:3: cannot parse the file: .+\. Fix the JSON syntax on that line\.$/);
  });

  it('a duplicated YAML key is an error, not a silent override', async () => {
    const {error} = await failure(target({'docs-architect.config.yaml': 'title: a\ntitle: b\n'}));
    expect(error.details.line).toBe(2);
    expect(error.message).toMatch(/unique/);
  });

  it('two config files at once is an error naming both', async () => {
    const dir = target({'docs-architect.config.json': '{}', 'docs-architect.config.ts': 'export default {};'});
    const {error, text} = await failure(dir);
    expect(error.details.file).toBe(path.join(dir, 'docs-architect.config.ts'));
    expect(text).toBe(
      '<target>/docs-architect.config.ts: several config files found (docs-architect.config.ts, docs-architect.config.json). Keep one of them and delete the others.',
    );
    await expect(findConfigFile(dir)).rejects.toThrow(/several config files/);
  });

  it('a config that is not an object: a YAML list, a scalar, a number exported by a module', async () => {
    const cases: Record<string, string>[] = [
      {'docs-architect.config.yaml': '- a\n- b\n'},
      {'docs-architect.config.yaml': 'just a string\n'},
      {'docs-architect.config.mjs': 'export default 42;\n'},
    ];
    for (const files of cases) {
      const {text} = await failure(target(files));
      expect(text).toMatch(/: the config must be an object of keys and values\. Write keys such as title: "Acme Payments"\.$/);
    }
  });

  it('a .ts config with a syntax error is a UserError with the line, not a crash', async () => {
    const dir = target({'docs-architect.config.ts': '// a comment\nexport default {\n  title: "X",,\n};\n'});
    const {error, text} = await failure(dir);
    expect(error.details).toMatchObject({file: path.join(dir, 'docs-architect.config.ts'), line: 3});
    expect(text).toMatch(/^<target>\/docs-architect\.config\.ts:3: cannot load the file: .*Unexpected token\. Make it a module/);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/\s\./); // no dangling whitespace before the full stop
  });

  it('a module that throws, or imports what does not exist, is a UserError too', async () => {
    const thrown = await failure(target({'docs-architect.config.ts': 'throw new Error("boom");\nexport default {};\n'}));
    expect(thrown.text).toMatch(/docs-architect\.config\.ts: cannot load the file: boom\. Make it a module/);
    const missing = await failure(target({'docs-architect.config.ts': 'import x from "./missing";\nexport default {title: x};\n'}));
    expect(missing.text).toMatch(/cannot load the file: Cannot find module '\.\/missing'\./);
  });

  it('a .ts config with an unknown key has no line, but still the file and the key', async () => {
    const {error, text} = await failure(target({'docs-architect.config.ts': 'export default {titl: "X"};\n'}));
    expect(error.details.line).toBeUndefined();
    expect(text).toMatch(/^<target>\/docs-architect\.config\.ts: titl: unknown key\. Did you mean "title"\? Rename it\.$/);
  });
});
