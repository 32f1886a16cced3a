/**
 * Target text in the application section — prop descriptions and defaults, story code, route paths,
 * middleware and handler names, component and model names, field types drawn in Mermaid — shows as
 * text: every page compiles as Docusaurus compiles it, no element or expression of the target's
 * making is in the compiled page, and no diagram line carries target syntax.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {applicationGenerator} from '../../plugins/application/generator';
import {loadTargetContext} from '../../plugins/core/prepareSite';
import {generateAlone} from '../../plugins/core/site/generateSections';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {makeApplicationTarget} from '../applicationFixture';
import {tempBase} from '../gitRepo';
import {IMG, PWN, SCRIPT} from './browserFixtures';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({name: 'evil-app', private: true, dependencies: {express: '4', react: '18'}}),
  'src/Ünïcødé.tsx': `interface EvilProps {
  /** ${SCRIPT} {${PWN}}
import x from "y"
export const z = 1
:::danger
\`\`\`js
fence
\`\`\` */
  'data-x'?: '<b>' | '{a}';
}
/** ${IMG} [click](javascript:${PWN}) */
export function Ünïcødé({'data-x': dataX = '</div>{${PWN}}'}: EvilProps) {
  return <div>{dataX}</div>;
}
Ünïcødé.defaultProps = {other: '<script>${PWN}</script>'};
`,
  'src/Ünïcødé.stories.tsx': `import {Ünïcødé} from './Ünïcødé';
export default {component: Ünïcødé};
export const Evil = {args: {label: '\`\`\`\\n</script><script>${PWN}</script>'}};
`,
  'server/app.ts': `import express from 'express';
const app = express();
app.get('/x/<img src=x onerror=${PWN}>/{id}', evil['}<script>'], ($: unknown) => 1);
app.post(\`/javascript:${PWN}\`, handler);
function handler() {}
`,
  'server/models/Evil.ts': `export interface Evil {
  '"]; click M0 call alert(1) %%': string;
  field: {a: '"]\\nclass X'; b: Evil};
}
export class Ⅻ<T> extends Evil {
  'x\\ny': number;
}
`,
};

describe('the application section with hostile text', () => {
  it('shows every piece of target text as text', async () => {
    const target = makeApplicationTarget(FILES);
    const site = tempBase('hostile-application-site');
    dirs.push(target, site);
    const context = await loadTargetContext({siteDir: site, target});
    const [section] = await generateAlone(applicationGenerator, context);
    expect(section!.model.components.map((c) => c.name)).toEqual(['Ünïcødé']);
    expect(section!.model.services[0]!.routes.map((r) => r.path)).toEqual([`/javascript:${PWN}`, `/x/<img src=x onerror=${PWN}>/{id}`]);
    expect(section!.model.models.map((m) => m.name)).toEqual(['Evil', 'Ⅻ']);
    const pages = [...section!.files];
    expect(pages.map(([name]) => name).sort()).toEqual(['components.mdx', 'index.mdx', 'models.mdx', 'routes.mdx']);
    for (const [name, mdx] of pages) {
      const compiled = await compileLikeDocusaurus(mdx, {filePath: path.join(site, '.docs-architect/generated/application', name)});
      // No element named by the target, no expression running its code, no javascript: link.
      expect(compiled, name).not.toMatch(/jsxs?\(\s*"(script|img|iframe|b|div)"/);
      expect(compiled, name).not.toMatch(/jsxs?\(\s*_components\.(script|img)/);
      expect(compiled, name).not.toContain(`${PWN};`.replace(';', '') + '\n');
      expect(compiled, name).not.toMatch(/href:\s*"javascript:/);
      // Outside code blocks (where a story's `export const` is code to read), no ESM and no directive.
      const prose = mdx.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
      expect(prose, name).not.toMatch(/^(import|export) /m);
      expect(prose, name).not.toMatch(/^:::/m);
    }
    const components = section!.files.get('components.mdx')!;
    expect(components).toContain('\\<script>');
    expect(components).toContain("`'</div>{window.__pwned=1}'`");
    // The story's code is one fenced block whatever fences it holds.
    expect(components).toMatch(/````+tsx\n/);
    const routes = section!.files.get('routes.mdx')!;
    expect(routes).toContain(`\`/x/<img src=x onerror=${PWN}>/{id}\``);
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(section!.files.get('models.mdx')!)![1]!;
    const lines = diagram.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines.slice(1)) {
      expect(line, line).toMatch(/^ {2}(acc(Title|Descr): [\p{L}\p{N}_ ./,-]+|class M\d+\["[^"]*"\]|<<\w+>> M\d+|M\d+ : [^"{}();%\n]*|M\d+ (<\|--|-->) M\d+( : [^"{}();%\n]*)?)$/u);
    }
    // A `click` of the target's making is member text after `M0 : `, never a statement of its own.
    expect(diagram).not.toMatch(/^\s*click/m);
    expect(diagram).toContain('click M0 call alert1');
  }, 60_000);
});
