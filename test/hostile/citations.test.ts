/**
 * Hostile text in citations: a symbol name, region or link name holding `<script>` or `{}`, and cited
 * code holding JSX and expressions. The staged page is parsed again and compiled as Docusaurus
 * compiles it: the only elements in it are the citations the author wrote, and no cited text became
 * markup or an expression.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Nodes} from 'mdast';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {prepareSite, type SitePlan} from '../../plugins/core/prepareSite';
import {authoredStageRoot} from '../../plugins/core/authored/stageAuthoredDocs';
import {readAuthoredPage} from '../../plugins/core/authored/readAuthoredPage';
import {livingDocsGenerator} from '../../plugins/living-docs/generator';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {tempBase} from '../gitRepo';

const dirs: string[] = [];
let site: string;
let plan: SitePlan;

const PAGE = [
  '# Hostile',
  '',
  '<CodeSnippet path="src/a.ts" symbol="<script>alert(1)</script>" />',
  '',
  '<CodeSnippet path="src/a.ts" region="{}" />',
  '',
  '<CodeSnippet path="src/a.ts" region="evil" />',
  '',
  'Inline <SymbolLink name="</SymbolLink><script>x</script>{1}" /> and <EnvVar name="{process.env}" />.',
  '',
  '<CodeSnippet path="javascript:alert(1)" />',
  '',
].join('\n');

const CODE = ['// #region evil', 'const s = "</CodeSnippet><script>alert(1)</script>{x}";', 'export const t = <b onClick={() => alert(1)}>{s}</b>;', '// #endregion', ''].join('\n');

beforeAll(async () => {
  const target = tempBase('hostile-citations');
  site = tempBase('hostile-citations-site');
  dirs.push(target, site);
  fs.mkdirSync(path.join(target, 'docs'));
  fs.mkdirSync(path.join(target, 'src'));
  fs.writeFileSync(path.join(target, 'docs/page.mdx'), PAGE);
  fs.writeFileSync(path.join(target, 'src/a.ts'), CODE);
  plan = await prepareSite({siteDir: site, target, generators: [livingDocsGenerator as never]});
}, 60_000);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('hostile text in citations', () => {
  it('is reported as broken citations, each at its line', () => {
    const lines = plan.context.report.warnings.filter((warning) => warning.message.includes('cites what is gone')).map((warning) => warning.details.line);
    expect(lines).toEqual([3, 5, 9, 9, 11]);
  });

  it('never becomes an element or an expression of the staged page', async () => {
    const staged = fs.readFileSync(path.join(authoredStageRoot(site), 'docs/page.mdx'), 'utf8');
    const page = await readAuthoredPage('page.mdx', staged);
    expect(page.ok).toBe(true);
    const elements: string[] = [];
    const expressions: string[] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') elements.push(node.name ?? '');
      if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') expressions.push(node.value);
      if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
    };
    if (page.ok) visit(page.tree);
    expect(elements).toEqual(['CodeSnippet', 'CodeSnippet', 'CodeSnippet', 'SymbolLink', 'EnvVar', 'CodeSnippet']);
    expect(expressions).toEqual([]);
    // The cited code reaches the component as one JSON string.
    expect(staged).toContain(`code={${JSON.stringify(CODE.split('\n').slice(1, 3).join('\n'))}}`);
    const compiled = await compileLikeDocusaurus(staged);
    expect(compiled).not.toMatch(/_jsxs?\(\s*"(script|b)"/);
    // The `<b onClick>` of the cited code is text: no handler prop was compiled.
    expect(compiled).not.toMatch(/onClick:\s*\(\)/);
  });
});
