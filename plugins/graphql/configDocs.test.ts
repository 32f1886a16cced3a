/**
 * The `graphql` table of docs/configuration.md names exactly the keys the config schema accepts
 * under `graphql`, and its `schemas` row names every key of one schema entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {backticked, tableRows} from '../../test/markdownTable';
import {GRAPHQL_CONFIG_KEYS, GRAPHQL_SCHEMA_CONFIG_KEYS} from '../core/configSchema';

const page = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');

describe('docs/configuration.md, the graphql key', () => {
  const rows = tableRows(page, /^\|\s*`graphql` key\s*\|/);

  it('has a row for every key of `graphql`, and none other', () => {
    const documented = rows.flatMap((row) => backticked(row.split('|')[1]!));
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...GRAPHQL_CONFIG_KEYS].sort());
  });

  it('describes every key of a `schemas` entry', () => {
    const schemas = rows.find((row) => row.startsWith('| `schemas`'));
    expect(schemas).toBeDefined();
    for (const key of GRAPHQL_SCHEMA_CONFIG_KEYS) expect(schemas).toContain(`\`${key}\``);
    expect(GRAPHQL_SCHEMA_CONFIG_KEYS).toHaveLength(4);
  });
});
