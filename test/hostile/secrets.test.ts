/**
 * Secrets planted in code defaults never reach what the code reference generates: its pages and its
 * model file. (e2e/hostile-secrets.spec.ts checks the whole built site, bundle and search index.)
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {contextFor, tempDir} from '../codeReferenceTargets';
import {HIDDEN_SECRET} from '../../plugins/core/secrets';
import {generateCodeReference} from '../../plugins/code-reference/generator';
import {allFiles, PLANTED_SECRETS, writePlantedTarget} from './plantedSecrets';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('secrets planted in code defaults', () => {
  let files: Map<string, string>;
  let siteDir: string;
  beforeAll(async () => {
    const target = tempDir('secrets');
    siteDir = tempDir('secrets-site');
    dirs.push(target, siteDir);
    writePlantedTarget(target);
    const context = await contextFor(target, siteDir);
    files = (await generateCodeReference(context, {cache: false}))!.files;
  });

  it('are in none of the generated pages nor in the model file', () => {
    const written = allFiles(siteDir);
    const texts = [...files.values(), ...written.map((file) => fs.readFileSync(file, 'utf8'))];
    expect(files.size).toBeGreaterThanOrEqual(2);
    expect(written.map((file) => path.basename(file))).toContain('code-reference.json');
    const planted = Object.entries(PLANTED_SECRETS);
    expect(planted).toHaveLength(11);
    for (const [position, secret] of planted) {
      expect(texts.filter((text) => text.includes(secret)), position).toEqual([]);
    }
  });

  it('are shown as hidden in each position, and ordinary values stay', () => {
    const page = [...files.values()].join('\n');
    const model = fs.readFileSync(allFiles(siteDir).find((file) => file.endsWith('code-reference.json'))!, 'utf8');
    const symbols = (JSON.parse(model) as {symbols: {name: string; value?: string; type?: unknown; members?: {name: string; value?: string; type?: unknown; doc?: {defaultValue?: string}}[]; signatures?: {parameters: {name: string; defaultValue?: string}[]}[]}[]}).symbols;
    const symbol = (name: string) => symbols.find((candidate) => candidate.name === name)!;
    const member = (owner: string, name: string) => symbol(owner).members!.find((candidate) => candidate.name === name)!;
    expect(symbol('STRIPE_KEY').value).toBe(`process.env.STRIPE_KEY || ${HIDDEN_SECRET}`);
    expect(symbol('DATABASE_URL').value).toBe(`process.env.DATABASE_URL ?? ${HIDDEN_SECRET}`);
    expect(symbol('SESSION_SECRET').type).toEqual([HIDDEN_SECRET]);
    expect(symbol('BUILD_LABEL').type).toEqual(['"nightly-build"']);
    expect(symbol('connect').signatures![0]!.parameters).toEqual([
      expect.objectContaining({name: 'token', defaultValue: HIDDEN_SECRET}),
      expect.objectContaining({name: 'region', defaultValue: "'eu-west-1'"}),
    ]);
    expect(member('ProviderKey', 'Github').value).toBe(HIDDEN_SECRET);
    expect(member('ProviderKey', 'Plain').value).toBe("'plain'");
    expect(member('Client', 'signingKey').type).toEqual([HIDDEN_SECRET]);
    expect(member('Client', 'options').value).toBe(`{password: ${HIDDEN_SECRET}, retries: 3}`);
    expect(member('Client', 'accessKeyId').doc!.defaultValue).toBe(HIDDEN_SECRET);
    expect(symbol('FixedToken').type).toEqual([HIDDEN_SECRET]);
    expect(symbol('defaults').value).toBe(`{checksum: ${HIDDEN_SECRET}, name: 'defaults'}`);
    // The pages say so in words a reader understands.
    expect(page.split('hidden: looks like a secret').length - 1).toBeGreaterThanOrEqual(10);
  });
});
