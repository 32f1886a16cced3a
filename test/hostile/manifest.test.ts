/**
 * A malformed package.json is a warning naming file, line and column; the rest of the site builds.
 * Strict mode fails on it. Before, with no docs folder, it was silently ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {formatUserError, isUserError} from '../../plugins/core/errors';
import {parseJson} from '../../plugins/core/parseJson';
import {prepareSite} from '../../plugins/core/prepareSite';
import {formatReport} from '../../plugins/core/report';
import {overviewGenerator} from '../../plugins/overview/generator';
import {codeReferenceGenerator} from '../../plugins/code-reference/generator';
import {tempBase} from '../gitRepo';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

function target(files: Record<string, string>): string {
  const root = tempBase('manifest');
  dirs.push(root);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

describe('parseJson', () => {
  it.each([
    ['{\n  "name": "x",\n}\n', 3, 1],
    ['{\n  "name": "x"\n  "version": "1.0.0"\n}', 3, 3],
    ['{"name": "x"', 1, 13],
    ['', 1, 1],
  ])('reports %j at line %i, column %i', (text, line, column) => {
    expect(parseJson(text)).toMatchObject({ok: false, line, column});
  });

  it('accepts a byte order mark, as npm does', () => {
    expect(parseJson('\ufeff{"name": "x"}')).toEqual({ok: true, value: {name: 'x'}});
  });
});

describe('a malformed package.json', () => {
  const broken = '{\n  "name": "broken-manifest",\n  "version": "1.0.0",\n}\n';

  it('is a warning with file, line and column, and the site is built without it', async () => {
    const root = target({'package.json': broken, 'src/index.ts': 'export const answer = 42;\n', 'packages/ok/package.json': '[1]\n'});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const siteDir = tempBase('manifest-site');
    dirs.push(siteDir);
    const plan = await prepareSite({siteDir, target: root, generators: [overviewGenerator, codeReferenceGenerator]});
    warn.mockRestore();
    const warnings = formatReport(plan.context.report).split('\n');
    expect(warnings).toEqual([
      `warning: ${path.join(root, 'package.json')}:4:1: malformed manifest: Expected double-quoted property name; its name, version and entry points are not used. Fix the JSON at that place; until then the site is built without the package name, version and entry points.`,
      `warning: ${path.join(root, 'packages/ok/package.json')}:1:1: malformed manifest: a package.json must be a JSON object; its name, version and entry points are not used. Fix the JSON at that place; until then the site is built without the package name, version and entry points.`,
    ]);
    // Named after its folder, and its sections are there.
    expect(plan.landing.name).toBe(path.basename(root));
    expect(plan.sections.map((section) => section.id)).toEqual(['overview', 'api']);
  });

  it('fails a strict build', async () => {
    const root = target({'package.json': broken});
    const siteDir = tempBase('manifest-strict');
    dirs.push(siteDir);
    const error = await prepareSite({siteDir, target: root, strict: true, generators: [overviewGenerator]}).catch((caught: unknown) => caught);
    expect(isUserError(error)).toBe(true);
    expect(formatUserError(error as never)).toContain(`${path.join(root, 'package.json')}:4:1: malformed manifest`);
  });
});
