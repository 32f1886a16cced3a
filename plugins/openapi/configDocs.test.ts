/**
 * The `openapi` table of docs/configuration.md names exactly the keys the config schema accepts
 * under `openapi` (the core test checks the top-level keys the same way).
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {OPENAPI_CONFIG_KEYS} from '../core/configSchema';

const page = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');

function firstColumnOfTable(markdown: string, header: RegExp): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  if (start === -1) return [];
  const keys: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    keys.push(...[...line.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
  }
  return keys;
}

describe('docs/configuration.md, the openapi key', () => {
  it('has a row for every key of `openapi`, and none other', () => {
    const documented = firstColumnOfTable(page, /^\|\s*`openapi` key\s*\|/);
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...OPENAPI_CONFIG_KEYS].sort());
  });
});
