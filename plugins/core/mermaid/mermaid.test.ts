import {describe, expect, it} from 'vitest';
import {erDiagram, flowchart, mermaidLabel, safeUrl} from './build';
import {checkDiagrams, findMermaidBlocks, parseDiagram} from './check';

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
});
