/**
 * The site's reactions to broken content, read from the real docusaurus.config.ts built for a tiny
 * target: duplicate routes and broken Markdown images warn, and fail in strict mode. Docusaurus's own
 * route check is then run with the configured severity on two pages at one URL. The plan is made by
 * loadTargetContext in a temporary site folder: prepareSite would write into this checkout's work
 * folder, which a build running beside the tests may be reading.
 */
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {Config, RouteConfig} from '@docusaurus/types';
import {tempBase} from '../gitRepo';

const {handleDuplicateRoutes} = createRequire(import.meta.url)('@docusaurus/core/lib/server/routes.js') as {
  handleDuplicateRoutes: (routes: RouteConfig[], severity: string) => void;
};

const dirs: string[] = [];
let target: string;
const saved = {target: process.env.DOCS_TARGET, strict: process.env.DOCS_STRICT};

beforeAll(() => {
  target = tempBase('site-config');
  dirs.push(target);
  fs.writeFileSync(path.join(target, 'package.json'), '{"name": "tiny", "version": "1.0.0"}\n');
  fs.mkdirSync(path.join(target, 'docs'));
  fs.writeFileSync(path.join(target, 'docs', 'a.md'), '# A\n');
});

afterAll(() => {
  process.env.DOCS_TARGET = saved.target;
  process.env.DOCS_STRICT = saved.strict;
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

async function configFor(strict: boolean): Promise<Config> {
  process.env.DOCS_TARGET = target;
  process.env.DOCS_STRICT = strict ? '1' : '';
  vi.resetModules();
  const siteDir = tempBase('site-config-site');
  dirs.push(siteDir);
  vi.doMock('../../plugins/core/prepareSite', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../plugins/core/prepareSite')>();
    return {
      ...original,
      prepareSite: async (options: Parameters<typeof original.prepareSite>[0]) => {
        const context = await original.loadTargetContext({...options, siteDir});
        return {context, sections: [], landing: {name: context.project.name, sections: [], notFound: []}, watch: {}};
      },
    };
  });
  const {default: createConfig} = (await import('../../docusaurus.config')) as {default: () => Promise<Config>};
  return createConfig();
}

const twoPagesAtOneUrl: RouteConfig[] = [
  {path: '/docs/intro/', component: 'a', exact: true},
  {path: '/docs/intro/', component: 'b', exact: true},
  {path: '/docs/other/', component: 'c', exact: true},
];

describe('the site config', () => {
  it('warns about duplicate routes and broken images by default', async () => {
    const config = await configFor(false);
    expect(config.onDuplicateRoutes).toBe('warn');
    expect(config.markdown?.hooks?.onBrokenMarkdownImages).toBe('warn');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => handleDuplicateRoutes(twoPagesAtOneUrl, config.onDuplicateRoutes!)).not.toThrow();
    expect(warn.mock.calls.flat().join('\n')).toContain('/docs/intro/');
    warn.mockRestore();
  });

  it('fails on them in strict mode', async () => {
    const config = await configFor(true);
    expect(config.onDuplicateRoutes).toBe('throw');
    expect(config.markdown?.hooks?.onBrokenMarkdownImages).toBe('throw');
    expect(() => handleDuplicateRoutes(twoPagesAtOneUrl, config.onDuplicateRoutes!)).toThrow(/Duplicate routes found[\s\S]*\/docs\/intro\//);
  });
});
