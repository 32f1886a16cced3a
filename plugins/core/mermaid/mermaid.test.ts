import {describe, expect, it} from 'vitest';
import {erDiagram, flowchart, mermaidLabel, safeUrl} from './build';
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {createContentCache} from '../contentCache';
import {WORK_DIR} from '../generatedFiles';
import {checkDiagrams, findMermaidBlocks, parseDiagram, parseDiagrams} from './check';

describe('the Mermaid builder', () => {
  it('writes ids it chooses, labels as entity codes, accessibility lines and links', async () => {
    const text = flowchart({
      title: 'Containers',
      description: 'Two boxes',
      nodes: [
        {key: 'api', label: 'API "v2"', detail: 'node:20', shape: 'box', link: '/architecture/api/', className: 'container'},
        {key: 'db', label: 'postgres', shape: 'cylinder', group: 'data'},
      ],
      groups: [{key: 'data', label: 'Data stores'}],
      edges: [{from: 'api', to: 'db', label: '5432/tcp', danger: true}],
      classes: {container: 'fill:#1168bd,color:#fff'},
    });
    expect(text).toBe(
      [
        'flowchart LR',
        '  accTitle: Containers',
        '  accDescr: Two boxes',
        '  classDef container fill:#1168bd,color:#fff',
        '  n0["API #34;v2#34;<br/>node:20"]',
        '  subgraph g0["Data stores"]',
        '    n1[("postgres")]',
        '  end',
        '  n0 -->|"5432/tcp"| n1',
        '  linkStyle 0 stroke:#d32f2f,stroke-width:2px',
        '  class n0 container',
        '  click n0 href "/architecture/api/" "API v2"',
      ].join('\n'),
    );
    expect(await parseDiagram(text)).toBeUndefined();
  });

  it('never lets a link be javascript:', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('/a b"c')).toBe('/a%20b%22c');
    expect(mermaidLabel('%%{init: {"theme":"dark"}}%%')).not.toMatch(/[%{"]/);
  });

  it('writes ER diagrams Mermaid parses, whatever the names', async () => {
    const text = erDiagram({
      title: 'Data model',
      description: 'Users and posts',
      entities: [
        {key: 'User', label: 'User "main"', attributes: [{name: 'id', type: 'Int', keys: ['PK']}, {name: 'e-mail?', type: 'String(255)', comment: 'un"ique'}]},
        {key: 'Post', label: 'Post', attributes: []},
      ],
      relations: [{from: 'User', to: 'Post', fromCardinality: 'one', toCardinality: 'zero-or-many', label: 'posts'}],
    });
    expect(await parseDiagram(text)).toBeUndefined();
  });
});

describe('the diagram check', () => {
  it('finds fenced blocks with their lines and names what does not parse', async () => {
    const source = ['# Page', '', '```mermaid', 'flowchart LR', '  a --> b', '```', '', '````mermaid', 'flowchart LR', '  a -->', '````', ''].join('\n');
    const blocks = findMermaidBlocks(source);
    expect(blocks.map((block) => block.line)).toEqual([3, 8]);
    const problems = await checkDiagrams(blocks);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(8);
    expect(problems[0]!.message).toMatch(/Parse error on line \d+/);
  });

  it('parses a batch in one round trip, keeps its order, and reuses results cached by text hash', async () => {
    const good = 'flowchart LR\n  a --> b';
    const bad = 'flowchart LR\n  a -->';
    const site = fs.mkdtempSync(path.join(os.tmpdir(), 'mermaid-cache-'));
    try {
      const first = await parseDiagrams([good, bad, good], site);
      expect(first.map((message) => message === undefined)).toEqual([true, false, true]);
      // Two distinct texts, two entries; an entry is what the next build trusts instead of parsing.
      const entries = fs.readdirSync(path.join(site, WORK_DIR, 'cache', 'mermaid'), {recursive: true}).filter((name) => String(name).endsWith('.json'));
      expect(entries).toHaveLength(2);
      const version = (createRequire(__filename)('mermaid/package.json') as {version: string}).version;
      await createContentCache<{error?: string}>(site, 'mermaid', version).set(good, {error: 'from the cache'});
      expect(await parseDiagrams([good, bad], site)).toEqual(['from the cache', first[1]]);
      // Without a cache directory nothing is remembered.
      expect(await parseDiagrams([good])).toEqual([undefined]);
    } finally {
      fs.rmSync(site, {recursive: true, force: true});
    }
  });
});
