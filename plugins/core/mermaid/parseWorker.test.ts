import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import {describe, expect, it} from 'vitest';
import {checkDiagrams, findMermaidBlocks, parseDiagrams} from './check';

const require = createRequire(__filename);

/**
 * Mermaid as the check ran it before docs/adr/0051 (stock configuration, `mermaid.parse`), in a
 * thread of its own: what the trimmed configuration must agree with, diagram by diagram.
 */
async function stockParse(texts: string[]): Promise<(string | null)[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mermaid-stock-'));
  const purify = pathToFileURL(path.join(path.dirname(require.resolve('dompurify')), 'purify.es.mjs')).href;
  const mermaid = pathToFileURL(require.resolve('mermaid')).href;
  const file = path.join(dir, 'stock.mjs');
  fs.writeFileSync(
    file,
    `import {parentPort, workerData} from 'node:worker_threads';
const {default: DOMPurify} = await import(${JSON.stringify(purify)});
const noop = () => undefined;
if (!DOMPurify.isSupported) Object.assign(DOMPurify, {addHook: noop, removeHook: noop, removeHooks: noop, removeAllHooks: noop, sanitize: (value) => String(value)});
const {default: mermaid} = await import(${JSON.stringify(mermaid)});
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
const errors = [];
for (const text of workerData) {
  try { await mermaid.parse(text); errors.push(null); } catch (error) { errors.push(error instanceof Error ? error.message : String(error)); }
}
parentPort.postMessage(errors);`,
  );
  try {
    const thread = new Worker(file, {workerData: texts});
    return await new Promise((resolve, reject) => {
      thread.once('message', resolve);
      thread.once('error', reject);
    });
  } finally {
    fs.rmSync(dir, {recursive: true, force: true});
  }
}

/** A broken diagram of each type docs-architect writes, and of types authors write. */
const BROKEN: Record<string, string> = {
  flowchart: 'flowchart LR\n  a["x"] --> b\n  b -->',
  erDiagram: 'erDiagram\n  A ||--o{ B : has\n  A {\n    int id PK\n    string\n  }',
  erRelation: 'erDiagram\n  A ||--o{ B has',
  classDiagram: 'classDiagram\n  class A {\n    +int x\n  \n  A <|-- B',
  classMember: 'classDiagram\n  A <|-- B\n  A : +foo(\n  B --> ',
  timeline: 'timeline\n  title T\n  : no period',
  xychart: 'xychart-beta\n  x-axis [a, b\n  bar [1, 2]',
  xychartHorizontal: 'xychart-beta horizontal\n  bar [1, x]',
  pie: 'pie\n  "a" : x',
  sequence: 'sequenceDiagram\n  A->>B: hi\n  B-->>',
  state: 'stateDiagram-v2\n  [*] --> A\n  A --> ',
  frontMatter: '---\nconfig: [\n---\nflowchart LR\n  a --> b',
  directive: '%%{init: {"theme": "dark"}}%%\nflowchart LR\n  a --> b -->',
  unknownType: 'notAType\n  a',
};

/** Diagrams that parse, some with configuration of their own (a theme pulls its variables back in). */
const GOOD = [
  'flowchart LR\n  a --> b',
  'C4Container\n  Person(a, "A")\n  Container(b, "B", "node")\n  Rel(a, b, "uses")',
  'C4Context\n  Person(a, "A"\n  System(b, "B")',
  '%%{init: {"theme": "forest"}}%%\nclassDiagram\n  A <|-- B',
  '---\nconfig:\n  themeVariables:\n    xyChart:\n      plotColorPalette: "#2f6fd6"\n---\nxychart-beta\n  x-axis [a, b]\n  bar [1, 2]',
  'gantt\n  dateFormat YYYY-MM-DD\n  section S\n  task : a1, 2024-01-01, 3d',
  'erDiagram\n  e0["User"] {\n    int id PK\n  }\n  e1["Post"]\n  e0 ||--o{ e1 : "posts"',
  'timeline\n  2024 : first\n  2025 : second',
];

describe('the parse thread (trimmed configuration, docs/adr/0051)', () => {
  it('gives the message Mermaid gives with its stock configuration, for every diagram', async () => {
    const texts = [...Object.values(BROKEN), ...GOOD];
    const [ours, stock] = await Promise.all([parseDiagrams(texts), stockParse(texts)]);
    expect(ours).toHaveLength(22);
    // Same outcome, same message (ours is on one line: check.ts joins Jison's caret lines).
    expect(ours).toEqual(stock.map((message) => (message === null ? undefined : message.replace(/\s*\n\s*/g, ' | ').slice(0, 500))));
    expect(ours.filter((message) => message !== undefined)).toHaveLength(Object.keys(BROKEN).length);
  }, 60_000);

  it('reports a broken diagram of each generated type at its fence line with the parser message', async () => {
    const generated = ['flowchart', 'erDiagram', 'classDiagram', 'timeline', 'xychart'];
    const page = generated.flatMap((type) => [`## ${type}`, '', '```mermaid', BROKEN[type]!, '```', '']).join('\n');
    const problems = await checkDiagrams(findMermaidBlocks(page));
    expect(problems.map((problem) => problem.line)).toEqual([3, 11, 22, 32, 40]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^Parse error on line 4: .*Expecting 'AMP'.*got 'EOF'/),
      expect.stringMatching(/^Parse error on line 5: .*got 'BLOCK_STOP'/),
      expect.stringMatching(/^Parse error on line 5: .*got 'EOF_IN_STRUCT'/),
      expect.stringMatching(/reading 'events'/),
      expect.stringMatching(/^Parse error on line 2: .*Expecting 'SQUARE_BRACES_END'/),
    ]);
  }, 60_000);
});
