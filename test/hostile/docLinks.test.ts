/**
 * Images and links in doc comments that point at files the repository does not have are warnings
 * with the declaration's file and line, on every build (cached facts included), and become text.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatReport} from '../../plugins/core/report';
import {generateCodeReference} from '../../plugins/code-reference/generator';
import {contextFor, tempDir} from '../codeReferenceTargets';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const SOURCE = `/**
 * Runs the flow: ![flow](./flow.png), see [the guide](../docs/guide.md).
 *
 * ![ok](./ok.png) is in the repository; [the web](https://example.com/x.png) is not checked.
 * @param input - drawn in ![input](/assets/input.png)
 */
export function run(input: string): string {
  return input;
}
`;

describe('images and links in doc comments', () => {
  it('warn with file and line on every build, become text, and every page compiles as Docusaurus compiles it', async () => {
    const target = tempDir('doc-links');
    const site = tempDir('doc-links-site');
    dirs.push(target, site);
    fs.mkdirSync(path.join(target, 'src'));
    fs.writeFileSync(path.join(target, 'package.json'), '{"name": "doc-links", "version": "1.0.0", "main": "src/index.ts"}\n');
    fs.writeFileSync(path.join(target, 'src', 'index.ts'), SOURCE);
    fs.writeFileSync(path.join(target, 'src', 'ok.png'), 'png');
    const file = path.join(target, 'src', 'index.ts');
    for (const build of ['first', 'cached']) {
      const context = await contextFor(target, site);
      const result = (await generateCodeReference(context))!;
      if (build === 'cached') expect(result.stats.parsed).toBe(0);
      expect(formatReport(context.report).split('\n'), build).toEqual([
        `warning: ${file}:7: doc comment of run: image "./flow.png" names src/flow.png, which the repository does not have; it is shown as text. Link to a web address, or to a file the repository has.`,
        `warning: ${file}:7: doc comment of run: link "../docs/guide.md" names docs/guide.md, which the repository does not have; it is shown as text. Link to a web address, or to a file the repository has.`,
        `warning: ${file}:7: doc comment of run: image "/assets/input.png" names assets/input.png, which the repository does not have; it is shown as text. Link to a web address, or to a file the repository has.`,
      ]);
      expect(result.files.size).toBe(2);
      for (const [name, mdx] of result.files) {
        await expect(compileLikeDocusaurus(mdx, {filePath: path.join(site, 'api', name), siteDir: site}), name).resolves.toBeTruthy();
      }
      const pages = [...result.files.values()].join('\n');
      expect(pages).toContain('Runs the flow: flow, see the guide.');
      expect(pages).not.toMatch(/\]\((\.\/flow\.png|\.\.\/docs\/guide\.md|\.\/ok\.png|\/assets\/input\.png)/);
      expect(pages).toContain('https://example.com/x.png');
    }
  });
});
