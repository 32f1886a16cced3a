import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {formatUserError, isUserError} from './errors';
import {prepareSite} from './prepareSite';
import {overviewGenerator} from '../overview/generator';

let tmp: string;

beforeAll(() => {
  tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-prepare-')));
});

afterAll(() => {
  fs.rmSync(tmp, {recursive: true, force: true});
});

function makeTarget(name: string, files: Record<string, string>): string {
  const root = path.join(tmp, name);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('prepareSite', () => {
  it('writes the generated sections and plans the authored docs', async () => {
    const target = makeTarget('full', {
      'package.json': JSON.stringify({name: 'demo', version: '2.0.0', description: 'A demo'}),
      'docs/a.md': '# A\n',
      '.env.example': 'API_KEY=xyz\n',
    });
    const siteDir = path.join(tmp, 'site-full');
    const plan = await prepareSite({siteDir, target, generators: [overviewGenerator]});
    expect(plan.sections.map((section) => [section.id, section.kind])).toEqual([
      ['docs', 'authored'],
      ['overview', 'generated'],
    ]);
    expect(plan.landing).toMatchObject({name: 'demo', version: '2.0.0', description: 'A demo'});
    const page = fs.readFileSync(path.join(siteDir, '.docs-architect', 'generated', 'overview', 'index.mdx'), 'utf8');
    expect(page).toContain('API_KEY');
    expect(page).not.toContain('xyz');
  });

  it('writes the same bytes twice', async () => {
    const target = makeTarget('same', {'package.json': '{"name":"same"}', 'src/a.ts': 'export const a = 1;\n'});
    const read = async (siteDir: string) => {
      await prepareSite({siteDir, target, generators: [overviewGenerator]});
      return fs.readFileSync(path.join(siteDir, '.docs-architect', 'generated', 'overview', 'index.mdx'), 'utf8');
    };
    expect(await read(path.join(tmp, 'site-same-1'))).toBe(await read(path.join(tmp, 'site-same-2')));
  });

  it('warns about a committed .env, and strict mode turns the warning into an error', async () => {
    const target = makeTarget('secrets', {'package.json': '{"name":"s"}', '.env': 'DB_PASSWORD=hunter2\n'});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plan = await prepareSite({siteDir: path.join(tmp, 'site-secrets'), target, generators: [overviewGenerator]});
    expect(plan.context.report.warnings).toHaveLength(1);
    expect(warn.mock.calls.flat().join('\n')).toContain(`${path.join(target, '.env')}: this env file is not ignored by git`);
    expect(warn.mock.calls.flat().join('\n')).not.toContain('hunter2');
    warn.mockRestore();

    const error = await prepareSite({
      siteDir: path.join(tmp, 'site-secrets-strict'),
      target,
      strict: true,
      generators: [overviewGenerator],
    }).catch((caught: unknown) => caught);
    expect(isUserError(error)).toBe(true);
    expect(formatUserError(error as never)).toMatch(/\.env: this env file .*\(strict mode fails on any warning/);
  });

  it('refuses a docsPath outside the target', async () => {
    const target = makeTarget('escape', {'docs-architect.config.json': '{"docsPath": "../elsewhere"}'});
    fs.mkdirSync(path.join(tmp, 'elsewhere'), {recursive: true});
    const error = await prepareSite({siteDir: path.join(tmp, 'site-escape'), target, generators: []}).catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect(formatUserError(error as never)).toContain('docsPath: docsPath "../elsewhere" points outside the repository');
  });
});
