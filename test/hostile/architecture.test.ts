/**
 * Hostile inputs for the Architecture section: names that are Mermaid or HTML syntax, very long
 * names, an injected `%%{init}%%` directive, table and column names of the same kind in SQL
 * migrations and models, and a 5,000-file import graph. Every diagram must still
 * parse with Mermaid's own parser, carry no markup from the target, and stay within 40 nodes.
 */
import fs from 'node:fs';
import {afterAll, describe, expect, it} from 'vitest';
import {writeArchitectureFixture} from '../architectureFixture';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {tempBase} from '../gitRepo';
import {loadTargetContext} from '../../plugins/core/prepareSite';
import {generateAlone} from '../../plugins/core/site/generateSections';
import {checkDiagrams, findMermaidBlocks} from '../../plugins/core/mermaid/check';
import {architectureGenerator} from '../../plugins/architecture/generator';
import {findCycles, folderGraphs, MAX_NODES} from '../../plugins/architecture/extract/graphs';
import type {ImportEdge} from '../../plugins/architecture/model';
import {drawnEdges, MAX_EDGES} from '../../plugins/architecture/render/renderDependencies';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const HOSTILE_NAMES = ['a"]-->b[("x', '<script>alert(1)</script>', '%%{init: {"theme":"forest","securityLevel":"loose"}}%%', 'click-me', `long-${'x'.repeat(300)}`, 'end', 'sub}graph{'];

describe('hostile service names', () => {
  it('become labels: every diagram parses, no markup or directive survives, every page compiles', async () => {
    const target = tempBase('arch-hostile');
    dirs.push(target);
    const services = HOSTILE_NAMES.map((name, i) => `  ${JSON.stringify(name)}:\n    image: ${i === 0 ? 'postgres:16' : 'node:20'}\n    environment:\n      - ${i === 2 ? 'JAVASCRIPT_URL' : 'X'}=javascript:alert(1)\n    depends_on: [${JSON.stringify(HOSTILE_NAMES[(i + 1) % HOSTILE_NAMES.length])}]\n    labels: {${JSON.stringify(`traefik.${name}`)}: "x"}\n`).join('');
    writeArchitectureFixture(target, {
      'compose.yaml': `services:\n  proxy:\n    image: traefik\n${services}`,
      'schema.prisma': 'model Bad_Name {\n  id Int @id\n  note String @default("<script>%%{init}%%")\n}\n',
    });
    const context = await loadTargetContext({siteDir: tempBase('arch-hostile-site'), target});
    const [section] = await generateAlone(architectureGenerator, context);
    expect(section!.model.elements).toHaveLength(HOSTILE_NAMES.length + 2);
    const pages = [...section!.files].filter(([file]) => file.endsWith('.mdx'));
    expect(pages.length).toBe(HOSTILE_NAMES.length + 2 + 1 + 2);
    let diagrams = 0;
    for (const [file, text] of pages) {
      await compileLikeDocusaurus(text);
      const blocks = findMermaidBlocks(text);
      diagrams += blocks.length;
      for (const block of blocks) {
        expect(block.text, file).not.toMatch(/<script|%%\{|javascript:/i);
        expect(Math.max(...block.text.split('\n').map((line) => line.length)), file).toBeLessThan(400);
      }
      expect(await checkDiagrams(blocks), file).toEqual([]);
    }
    expect(diagrams).toBeGreaterThanOrEqual(HOSTILE_NAMES.length + 2);
    // Outside diagrams the names are text: the writer escapes them, so no element reaches the page.
    const index = section!.files.get('index.mdx')!;
    expect(index).toContain('\\<script>');
    expect(index).not.toMatch(/(^|[^\\])<script>/m);
  });
});

describe('hostile table and column names in migrations and models', () => {
  it('stay text: pages compile, diagrams parse, entity keys are URL-safe, nothing from the target runs', async () => {
    const target = tempBase('arch-hostile-data');
    dirs.push(target);
    writeArchitectureFixture(target, {
      'migrations/0001.sql': 'CREATE TABLE "<script>alert(1)</script>" ("a]-->b" int PRIMARY KEY, "%%{init}%%" text DEFAULT \'javascript:alert(1)\');\nCREATE TABLE "../../etc" (id int REFERENCES "<script>alert(1)</script>"("a]-->b"));\n',
      'app/models.py': 'import os\nos.system("touch pwned")\n\nclass Evil(Base):\n    __tablename__ = "<img src=x onerror=alert(1)>"\n    id = Column(Integer, primary_key=True, default=__import__("os").system("touch pwned2"))\n',
    });
    const context = await loadTargetContext({siteDir: tempBase('arch-hostile-data-site'), target});
    const [section] = await generateAlone(architectureGenerator, context);
    const entities = section!.model.entities;
    expect(entities.map((e) => e.key)).toEqual(['etc', 'script-alert-1-script', 'evil']);
    const pages = [...section!.files].filter(([file]) => file.startsWith('data/'));
    expect(pages).toHaveLength(4);
    for (const [file, text] of pages) {
      await compileLikeDocusaurus(text);
      const blocks = findMermaidBlocks(text);
      for (const block of blocks) expect(block.text, file).not.toMatch(/<script|<img|%%\{|javascript:/i);
      expect(await checkDiagrams(blocks), file).toEqual([]);
      // Front matter holds titles as YAML strings (React prints them as text); the body escapes them.
      expect(text.slice(text.indexOf('\n---\n') + 5), file).not.toMatch(/(^|[^\\])<(script|img)/m);
    }
    expect(fs.existsSync(`${target}/pwned`) || fs.existsSync(`${target}/pwned2`)).toBe(false);
  });
});

describe('a 5,000-file import graph', () => {
  it('is drawn as folder graphs of at most 40 nodes, with its one cycle found', () => {
    const files: string[] = [];
    const edges: ImportEdge[] = [];
    for (let i = 0; i < 5000; i++) files.push(`src/m${Math.floor(i / 500)}/f${i}.ts`);
    for (let i = 0; i < 5000; i++) edges.push({from: files[i]!, to: files[(i + 1) % 5000]!, line: 1, typeOnly: false});
    for (let i = 0; i < 4000; i += 7) edges.push({from: files[i]!, to: files[(i * 13) % 5000]!, line: 2, typeOnly: true});
    const started = performance.now();
    const cycles = findCycles(files, edges);
    const graphs = folderGraphs({folder: '', title: 'big', files, edges, cyclic: new Set(), moduleOf: () => undefined});
    expect(performance.now() - started).toBeLessThan(5000);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.files).toHaveLength(5000);
    expect(graphs.length).toBe(12);
    for (const graph of graphs) expect(graph.nodes.length).toBeLessThanOrEqual(MAX_NODES);
    // A folder where every file imports every other: Mermaid refuses more than 500 arrows.
    const dense = folderGraphs({folder: 'd', title: 'dense', files: files.slice(0, 40).map((f) => f.replace('src/', 'd/').replace(/m\d+\//, '')), edges: [], cyclic: new Set(), moduleOf: () => undefined})[0]!;
    dense.edges = dense.nodes.flatMap((a) => dense.nodes.filter((b) => b !== a).map((b) => ({from: a.key, to: b.key, count: 1, typeOnly: false, cycle: false})));
    expect(dense.edges.length).toBe(1560);
    expect(drawnEdges(dense)).toHaveLength(MAX_EDGES);
    const folder = graphs.find((graph) => graph.key === 'src/m3')!;
    expect(folder.nodes.at(-1)!.label).toBe('461 other files and folders');
  });
});
