/**
 * The check every generator test ends with: each generated page compiles as Docusaurus compiles it,
 * and each Mermaid block in it parses with Mermaid's own parser. Returns the number of diagrams, so
 * the caller asserts how many there were.
 */
import {expect} from 'vitest';
import {checkDiagrams, findMermaidBlocks} from '../plugins/core/mermaid/check';
import {compileLikeDocusaurus} from './compileLikeDocusaurus';

export async function expectPagesCompileAndDiagramsParse(pages: Iterable<readonly [string, string]>): Promise<number> {
  let diagrams = 0;
  for (const [file, text] of pages) {
    await compileLikeDocusaurus(text);
    const blocks = findMermaidBlocks(text);
    diagrams += blocks.length;
    expect(await checkDiagrams(blocks), file).toEqual([]);
  }
  return diagrams;
}
