/**
 * The configuration reference (docs/configuration.md) cannot drift from the schema: every key is
 * documented, the table names no key the schema lacks, and the examples on the page are valid.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {backticked, tableRows} from '../../test/markdownTable';
import {CONFIG_KEYS} from './configSchema';
import {loadConfig} from './loadConfig';

const PAGE = path.resolve(__dirname, '..', '..', 'docs', 'configuration.md');
const page = fs.readFileSync(PAGE, 'utf8');

/** The rows of the table whose header starts with `| Key |`, as arrays of cells. */
function referenceTableRows(markdown: string): string[][] {
  return tableRows(markdown, /^\|\s*Key\s*\|/).map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
}

function fencedBlock(markdown: string, lang: string): string {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(markdown);
  if (!match) throw new Error(`no \`\`\`${lang} block in ${PAGE}`);
  return match[1]!;
}

describe('docs/configuration.md', () => {
  const rows = referenceTableRows(page);
  const firstColumn = rows.flatMap((row) => backticked(row[0] ?? ''));

  it('has a reference table', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it.each(CONFIG_KEYS)('documents `%s` as inline code', (key) => {
    expect(page).toContain(`\`${key}\``);
  });

  it('has a table row for every key of the schema', () => {
    expect([...firstColumn].sort()).toEqual([...CONFIG_KEYS].sort());
  });

  it('names no key in the table that the schema does not have', () => {
    const known = new Set<string>(CONFIG_KEYS);
    expect(firstColumn.filter((key) => !known.has(key))).toEqual([]);
  });

  describe('examples', () => {
    const dirs: string[] = [];
    const targetWith = (file: string, content: string) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-config-example-'));
      dirs.push(dir);
      fs.writeFileSync(path.join(dir, file), content);
      return dir;
    };
    afterAll(() => {
      for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
    });

    it('the YAML example is a valid config', async () => {
      const {config} = await loadConfig(targetWith('docs-architect.config.yaml', fencedBlock(page, 'yaml')));
      expect(Object.keys(config).length).toBeGreaterThan(0);
    });

    it('the TypeScript example is a valid config', async () => {
      const {config} = await loadConfig(targetWith('docs-architect.config.ts', fencedBlock(page, 'ts')));
      expect(config.title).toBeTruthy();
    });
  });
});
