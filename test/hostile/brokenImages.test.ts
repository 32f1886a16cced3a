/**
 * Images and links in an API description that point at files the repository does not have
 * (`![flow](../flow.png)`, `/assets/x.png`) never fail the site: they become their text, with a
 * warning naming the file, line and JSON pointer. Pages are compiled as Docusaurus compiles them.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {formatUserError} from '../../plugins/core/errors';
import {prepareSite} from '../../plugins/core/prepareSite';
import {openapiGenerator} from '../../plugins/openapi/generator';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {tempBase} from '../gitRepo';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const SPEC = `openapi: 3.0.3
info:
  title: Flows
  version: "1.0.0"
  description: |
    How it works: ![flow](../flow.png) and ![logo](/assets/x.png).

    See [the guide](./guide.md), [the diagram](diagram.png) and [the site](/docs/intro).
paths:
  /things:
    get:
      operationId: listThings
      summary: List things
      description: "Kept: ![kept](./kept.png) is in the repository; ![web](https://example.com/a.png) is on the web."
      responses:
        "200":
          description: ok
`;

function makeTarget(): string {
  const root = tempBase('broken-images');
  dirs.push(root);
  fs.mkdirSync(path.join(root, 'api'));
  fs.writeFileSync(path.join(root, 'api', 'openapi.yaml'), SPEC);
  fs.writeFileSync(path.join(root, 'api', 'kept.png'), 'not really a png');
  return root;
}

describe('images and links in an API description that the repository does not have', () => {
  it('are warnings with file, line and pointer, shown as text, and every page compiles as Docusaurus compiles it', async () => {
    const target = makeTarget();
    const siteDir = tempBase('broken-images-site');
    dirs.push(siteDir);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plan = await prepareSite({siteDir, target, generators: [openapiGenerator]});
    warn.mockRestore();
    const warnings = plan.context.report.warnings.map(formatUserError);
    const spec = path.join(target, 'api', 'openapi.yaml');
    expect(warnings).toEqual([
      `${spec}:5: #/info/description: invalid API description: image "../flow.png" names flow.png, which the repository does not have; it is shown as text. Fix the description; its pages are built anyway.`,
      `${spec}:5: #/info/description: invalid API description: image "/assets/x.png" names assets/x.png, which the repository does not have; it is shown as text. Fix the description; its pages are built anyway.`,
      `${spec}:5: #/info/description: invalid API description: link "./guide.md" names api/guide.md, which the repository does not have; it is shown as text. Fix the description; its pages are built anyway.`,
      `${spec}:5: #/info/description: invalid API description: link "diagram.png" names api/diagram.png, which the repository does not have; it is shown as text. Fix the description; its pages are built anyway.`,
    ]);
    const section = plan.sections.find((candidate) => candidate.kind === 'generated')!;
    const pages = fs.readdirSync(section.path, {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.mdx'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all: string[] = [];
    for (const page of pages) {
      const mdx = fs.readFileSync(path.join(section.path, page), 'utf8');
      all.push(mdx);
      await expect(compileLikeDocusaurus(mdx, {filePath: path.join(section.path, page), siteDir}), page).resolves.toBeTruthy();
    }
    const text = all.join('\n');
    expect(text).toContain('How it works: flow and logo.');
    expect(text).toContain('See the guide, the diagram and [the site](/docs/intro).');
    // No image or link to them is left (the overview lists the problems, in words).
    expect(text).not.toMatch(/\]\((\.\.\/flow\.png|\/assets\/x\.png|\.\/guide\.md|diagram\.png|\.\/kept\.png)/);
    // A file the repository has is not published either (the site does not carry it), but it is no mistake.
    expect(text).toContain('Kept: kept is in the repository; ![web](https://example.com/a.png) is on the web.');
    // The page data the explorer reads carries the same text.
    const data = fs.readdirSync(path.join(siteDir, '.docs-architect', 'static'), {recursive: true, encoding: 'utf8'}).filter((file) => file.endsWith('.json'));
    expect(data.length).toBeGreaterThanOrEqual(1);
    for (const file of data) expect(fs.readFileSync(path.join(siteDir, '.docs-architect', 'static', file), 'utf8')).not.toMatch(/\]\((\.\.\/flow\.png|\.\/kept\.png)/);
  });

  it('fail a strict build', async () => {
    const target = makeTarget();
    const siteDir = tempBase('broken-images-strict');
    dirs.push(siteDir);
    await expect(prepareSite({siteDir, target, strict: true, generators: [openapiGenerator]})).rejects.toThrow(/image "\.\.\/flow\.png"/);
  });
});
