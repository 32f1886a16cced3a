/**
 * Hostile GraphQL: descriptions, deprecation reasons and default values full of markup, JSX, MDX
 * statements, admonitions, `javascript:` links and links out of the site are shown as text on the
 * page (through the one Markdown importer), a schema string in code is treated the same, and every
 * page compiles as Docusaurus compiles it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {prepareSite} from '../../plugins/core/prepareSite';
import {graphqlGenerator} from '../../plugins/graphql/generator';

const HOSTILE = `"""
Runs <script>alert(1)</script> and </div> then {props.x} and {{ jinja }}.

import os from 'os'
export const x = 1

:::danger
Not an admonition.
:::

A [link](javascript:alert(1)), <a href="javascript:alert(2)">anchor</a>, <img src=x onerror=alert(3)>,
a [file](../../etc/passwd) and ![image](data:image/png;base64,AAAA).
"""
type Query {
  "A <b>field</b> with {braces} and [js](javascript:alert(4))."
  evil(
    "An argument </td> | pipe {x}."
    arg: String = "</div><script>alert(5)</script>{x}"
  ): Evil @deprecated(reason: "Use <script>alert(6)</script> or [this](javascript:alert(7)).")
}

"Evil type <iframe src=x></iframe> {process.env.SECRET}"
type Evil {
  "export default function X() {}"
  name: String
  level: Level
}

enum Level {
  "<svg onload=alert(8)>"
  HIGH
}
`;

const CODE = `export const typeDefs = \`
  extend type Query {
    "From code: <script>alert(9)</script> {x} [a](javascript:alert(10))"
    fromCode: String
  }
\`;
`;

let root: string;
let siteDir: string;
let folder: string;
let pages: Map<string, string>;

beforeAll(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-hostile-graphql-')));
  siteDir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-hostile-graphql-site-')));
  fs.writeFileSync(path.join(root, 'schema.graphql'), HOSTILE);
  fs.writeFileSync(path.join(root, 'typeDefs.ts'), CODE);
  await prepareSite({siteDir, target: root, generators: [graphqlGenerator]});
  folder = path.join(siteDir, '.docs-architect', 'generated', 'graphql');
  const files = (fs.readdirSync(folder, {recursive: true}) as string[]).filter((file) => file.endsWith('.mdx')).sort();
  pages = new Map(files.map((file) => [file, fs.readFileSync(path.join(folder, file), 'utf8')]));
}, 60_000);

afterAll(() => {
  for (const dir of [root, siteDir]) fs.rmSync(dir, {recursive: true, force: true});
});

describe('hostile GraphQL descriptions', () => {
  it('makes the pages of the schema, the code string merged in', () => {
    expect([...pages.keys()]).toEqual(['index.mdx', 'queries/query-evil.mdx', 'queries/query-from-code.mdx', 'types/enums.mdx', 'types/objects.mdx']);
  });

  it('no page has markup, an expression, ESM, an admonition or an unsafe link from the schema', () => {
    expect(pages.size).toBe(5);
    for (const [file, page] of pages) {
      // Code blocks and our components' JSON props hold the text as strings, which React shows as text.
      const body = page.replace(/^---[\s\S]*?---\n/, '').replace(/^```[\s\S]*?^```$/gm, '').replace(/^<Api(Signature|Badges) .*\/>$/gm, '').replace(/`[^`\n]*`/g, '');
      // Our own components (ApiBadges, ApiSignature, ApiDeprecated) are the only JSX.
      const tags = [...body.matchAll(/(?<!\\)<\/?([A-Za-z][\w.-]*)/g)].map((match) => match[1]);
      expect(tags.filter((tag) => !['ApiBadges', 'ApiSignature', 'ApiDeprecated'].includes(tag!)), file).toEqual([]);
      expect(body, file).not.toMatch(/^(import|export) /m);
      expect(body, file).not.toMatch(/^:::/m);
      expect(body, file).not.toMatch(/\]\((javascript|data):/i);
      expect(body, file).not.toMatch(/\]\(\.\.\//);
      expect(body, file).not.toMatch(/(?<![\\"])\{(props|process|x\}|braces|\{)/);
    }
  });

  it('shows the hostile text as text', () => {
    const index = pages.get('index.mdx')!;
    expect(index).toContain('Runs \\<script>alert(1)\\</script> and \\</div> then \\{props.x}');
    expect(index).toContain('&#x69;mport os from');
    const evil = pages.get('queries/query-evil.mdx')!;
    expect(evil).toContain('**Deprecated**: Use \\<script>alert(6)\\</script> or _this_.');
    expect(evil).toContain('`"</div><script>alert(5)</script>{x}"`');
    expect(pages.get('queries/query-from-code.mdx')).toContain('From code: \\<script>alert(9)\\</script> \\{x} _a_');
  });

  it('every page compiles as Docusaurus compiles it', async () => {
    expect(pages.size).toBe(5);
    for (const [file, page] of pages) await compileLikeDocusaurus(page, {filePath: path.join(folder, file)});
  });
});
