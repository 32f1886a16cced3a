/**
 * The `openapi` table of docs/configuration.md names exactly the keys the config schema accepts
 * under `openapi` (the core test checks the top-level keys the same way).
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {backticked, tableRows} from '../../test/markdownTable';
import {OPENAPI_CONFIG_KEYS} from '../core/configSchema';

const page = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'configuration.md'), 'utf8');

describe('docs/configuration.md, the openapi key', () => {
  it('has a row for every key of `openapi`, and none other', () => {
    const documented = tableRows(page, /^\|\s*`openapi` key\s*\|/).flatMap((row) => backticked(row.split('|')[1]!));
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...OPENAPI_CONFIG_KEYS].sort());
  });
});
