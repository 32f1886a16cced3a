import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {compileLikeDocusaurus} from './compileLikeDocusaurus';
import {tempBase} from './gitRepo';

const siteDir = tempBase('compile-like');
afterAll(() => fs.rmSync(siteDir, {recursive: true, force: true}));
const filePath = path.join(siteDir, 'generated', 'api', 'page.mdx');

describe('compileLikeDocusaurus', () => {
  it('fails on an image the site does not have, as a Docusaurus build does', async () => {
    await expect(compileLikeDocusaurus('# Page\n\n![flow](../flow.png)\n', {filePath, siteDir})).rejects.toThrow(/flow\.png.*couldn't be resolved/s);
    await expect(compileLikeDocusaurus('![x](/assets/x.png)\n', {filePath, siteDir})).rejects.toThrow(/assets\/x\.png/);
  });

  it('fails on a Markdown link no page answers', async () => {
    await expect(compileLikeDocusaurus('[guide](../guide.md)\n', {filePath, siteDir, markdownFiles: ['other.md']})).rejects.toThrow(/guide\.md.*couldn't be resolved/s);
  });

  it('compiles text, web images and known pages', async () => {
    fs.mkdirSync(path.join(siteDir, 'static', 'img'), {recursive: true});
    fs.writeFileSync(path.join(siteDir, 'static', 'img', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
    const code = await compileLikeDocusaurus('---\ntitle: x\n---\n\n![logo](/img/logo.svg) ![web](https://example.com/a.png) [other](./other.md)\n', {
      filePath,
      siteDir,
      markdownFiles: ['other.md'],
    });
    expect(code).toContain('require(');
    expect(code).toContain('https://example.com/a.png');
  });
});
