import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {isInstalledOwnSource} from './packageSources';
import {formatBuildSummary, readBuildSummary, writeBuildSummary} from './buildSummary';
import {defaultOut} from './cli';
import type {SiteSection} from './types';

describe('the package installed as a dependency', () => {
  const installed = path.join(path.sep, 'repo', 'node_modules', 'docs-architect');

  it("compiles the package's own sources and nothing of its dependencies", () => {
    expect(isInstalledOwnSource(path.join(installed, 'src', 'theme', 'DocItem', 'index.tsx'), installed)).toBe(true);
    expect(isInstalledOwnSource(path.join(installed, 'plugins', 'audience', 'client.ts'), installed)).toBe(true);
    // A dependency the package carries, another package, and a clone (Docusaurus compiles those itself).
    expect(isInstalledOwnSource(path.join(installed, 'node_modules', 'clsx', 'dist', 'clsx.js'), installed)).toBe(false);
    expect(isInstalledOwnSource(path.join(path.sep, 'repo', 'node_modules', 'docs-architect-x', 'a.tsx'), installed)).toBe(false);
    expect(isInstalledOwnSource(path.join(path.sep, 'work', 'docs-architect', 'src', 'a.tsx'), path.join(path.sep, 'work', 'docs-architect'))).toBe(false);
  });

  it('writes the site to build/docs of the target when installed, to build/ of the clone otherwise', () => {
    expect(defaultOut('/repo', true)).toBe(path.join('/repo', 'build', 'docs'));
    expect(defaultOut('/repo', false)).toBe(path.resolve(__dirname, '..', '..', 'build'));
  });
});

describe('the build summary', () => {
  it('counts the pages each section built, the warnings by kind, and says how to serve the site', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-summary-'));
    const out = path.join(base, 'out');
    for (const page of ['docs/index.html', 'docs/intro/index.html', 'api/index.html', 'api/src/index.html', 'api/src/add/index.html', 'api/data.json']) {
      fs.mkdirSync(path.dirname(path.join(out, page)), {recursive: true});
      fs.writeFileSync(path.join(out, page), '');
    }
    const sections = [
      {id: 'docs', title: 'Guides', to: 'docs/'},
      {id: 'api', title: 'Code reference', to: 'api/'},
      {id: 'history', title: 'History', to: 'history/'},
    ] as SiteSection[];
    writeBuildSummary(base, {sections, warnings: new Map([['target', 1], ['openapi', 2]]), total: 4, prepareMs: 5210});
    const summary = readBuildSummary(base)!;
    expect(formatBuildSummary(summary, out, 48_000, 'npx docs-architect serve').split('\n')).toEqual([
      'docs-architect: site built in 48.0 s (generating 5.2 s)',
      '  Guides          2 pages',
      '  Code reference  3 pages',
      '  History         0 pages',
      '  4 warnings: target 1, openapi 2, other 1',
      `  site: ${out}`,
      '  serve it: npx docs-architect serve',
    ]);
    fs.rmSync(base, {recursive: true, force: true});
  });
});
