/**
 * Living docs on a real git repository: a page that cites a symbol a later commit renamed (a warning
 * with "did you mean", a "citation broken" box, a failed strict build), a page whose covered code
 * changed in three later commits (the drift facts), citations that resolve (code, region, lines,
 * symbol link), the Quality page and the checks; every staged or generated page compiled as
 * Docusaurus compiles it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {prepareSite, type SitePlan} from '../core/prepareSite';
import {authoredStageRoot} from '../core/authored/stageAuthoredDocs';
import {generatedDir} from '../core/generatedFiles';
import {generateSections} from '../core/site/generateSections';
import {codeReferenceGenerator} from '../code-reference/generator';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {makeRepo, tempBase} from '../../test/gitRepo';
import {citationCheck, coverageCheck, driftCheck} from './checks';
import {livingDocsGenerator} from './generator';
import type {LivingDocsModel} from './model';

const dirs: string[] = [];
let target: string;
let site: string;
let plan: SitePlan;

const CHARGE_V1 = [
  "/** Charges a card. */",
  "export function createCharge(amount: number): number {",
  "  return amount * 100;",
  "}",
  "",
  "// #region limits",
  "export const LIMIT = 500;",
  "// #endregion",
  "",
].join('\n');
const CHARGE_V2 = CHARGE_V1.replaceAll('createCharge', 'createCharges');

beforeAll(async () => {
  target = tempBase('living-target');
  site = tempBase('living-site');
  dirs.push(target, site);
  const repo = makeRepo(target);
  repo.commit('first', {
    date: '2024-01-01T00:00:00Z',
    files: {
      'package.json': JSON.stringify({name: 'payments', version: '1.0.0', main: 'src/index.ts'}),
      'src/index.ts': "export {createCharge, LIMIT} from './payments/charge';\nexport {Ledger} from './payments/ledger';\n",
      'src/payments/charge.ts': CHARGE_V1,
      'src/payments/ledger.ts': 'export class Ledger {\n  /** Adds. */\n  add(n: number) {\n    return n;\n  }\n}\n',
      'docs/guide.mdx': [
        '# Guide',
        '',
        'Charging:',
        '',
        '<CodeSnippet path="src/payments/charge.ts" symbol="createCharge" />',
        '',
        '<CodeSnippet path="src/payments/charge.ts" region="limits" />',
        '',
        '<CodeSnippet path="src/payments/ledger.ts" symbol="Ledger.add" />',
        '',
        'See <SymbolLink name="Ledger" /> and <SymbolLink name="Nope">the missing one</SymbolLink>.',
        '',
      ].join('\n'),
      'docs/payments.md': '---\ncovers: ["src/payments/**"]\n---\n# Payments\n\nHow charges work.\n',
    },
  });
  repo.commit('rename createCharge', {date: '2024-02-01T00:00:00Z', files: {'src/payments/charge.ts': CHARGE_V2, 'src/index.ts': "export {createCharges, LIMIT} from './payments/charge';\nexport {Ledger} from './payments/ledger';\n"}});
  repo.commit('ledger', {date: '2024-03-01T00:00:00Z', files: {'src/payments/ledger.ts': 'export class Ledger {\n  /** Adds. */\n  add(n: number) {\n    return n + 0;\n  }\n}\n'}});
  repo.commit('limit', {date: '2024-03-05T00:00:00Z', files: {'src/payments/charge.ts': CHARGE_V2.replace('500', '600')}});
  repo.commit('unrelated', {date: '2024-03-09T00:00:00Z', files: {'README.md': '# Payments\n'}});
  plan = await prepareSite({siteDir: site, target, generators: [codeReferenceGenerator as never, livingDocsGenerator as never]});
}, 90_000);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

const staged = (file: string) => fs.readFileSync(path.join(authoredStageRoot(site), file), 'utf8');

describe('a citation of a symbol a later commit renamed', () => {
  it('is a warning naming the page, its line and the closest name', () => {
    const warnings = plan.context.report.warnings.filter((warning) => warning.message.includes('<CodeSnippet>'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.details.file).toBe(path.join(target, 'docs/guide.mdx'));
    expect(warnings[0]!.details.line).toBe(5);
    expect(warnings[0]!.message).toContain('the symbol "createCharge" is not declared in src/payments/charge.ts');
    expect(warnings[0]!.details.fix).toContain('Did you mean `createCharges`?');
  });

  it('shows a "citation broken" box in its place, and the page still compiles', async () => {
    const page = staged('docs/guide.mdx');
    expect(page).toContain('broken={"the symbol \\"createCharge\\" is not declared in src/payments/charge.ts"}');
    expect(page).toContain('suggestion={"createCharges"}');
    await compileLikeDocusaurus(page);
  });

  it('fails a strict build', async () => {
    const strictSite = tempBase('living-strict');
    dirs.push(strictSite);
    await expect(prepareSite({siteDir: strictSite, target, strict: true, generators: [codeReferenceGenerator as never, livingDocsGenerator as never]})).rejects.toThrow(/createCharge/);
  }, 60_000);
});

describe('citations that resolve', () => {
  it('carry the current code, its lines and language to the component', () => {
    const page = staged('docs/guide.mdx');
    const snippets = [...page.matchAll(/<CodeSnippet [^\n]*\/>/g)].map((match) => match[0]);
    expect(snippets).toHaveLength(3);
    expect(snippets[1]).toContain('code={"export const LIMIT = 600;"}');
    expect(snippets[1]).toContain('startLine={7}');
    expect(snippets[2]).toContain('code={"/** Adds. */\\nadd(n: number) {\\n  return n + 0;\\n}"}');
    expect(snippets[2]).toContain('language={"ts"}');
  });

  it('link a symbol to its anchor in the code reference, and keep the author\'s link text', () => {
    const page = staged('docs/guide.mdx');
    expect(page).toMatch(/<SymbolLink name=\{"Ledger"\} to=\{"\/api\/[^"]*#[^"]+"\} label=\{"Ledger"\} resolved=\{true\} \/>/);
    expect(page).toContain('>the missing one</SymbolLink>');
    expect(plan.context.report.warnings.some((warning) => warning.message.includes('the symbol "Nope"'))).toBe(true);
  });
});

describe('drift', () => {
  it('counts the three later commits to the covered code, with the newest date', () => {
    const page = staged('docs/payments.md');
    const line = /^docs_architect_drift: (.*)$/m.exec(page)?.[1];
    expect(line).toBeDefined();
    const drift = JSON.parse(line!) as {commits: number; newest: string; days: number};
    expect(drift.commits).toBe(3);
    expect(drift.newest).toBe('2024-03-05');
    expect(drift.days).toBe(64);
  });

  it('also counts the commits to the files a page cites', () => {
    const model = plan.siteModel.sections.find((section) => section.id === 'quality')!.model as unknown as LivingDocsModel;
    const guide = model.pages.find((page) => page.file === 'docs/guide.mdx')!;
    expect(guide.cited).toEqual(['src/payments/charge.ts', 'src/payments/ledger.ts']);
    expect(guide.drift?.commits).toBe(3);
  });
});

describe('the Quality page and the checks', () => {
  it('lists the drifted pages and the broken citations, and compiles', async () => {
    const page = fs.readFileSync(path.join(generatedDir(site, 'quality'), 'index.mdx'), 'utf8');
    expect(page).toContain('`docs/payments.md`');
    expect(page).toContain('`docs/guide.mdx:5`');
    expect(page).toContain('`createCharges`');
    expect(page).toMatch(/of 3 exported symbols have a doc comment/);
    await compileLikeDocusaurus(page);
  });

  it('report findings in the shape of every quality check', async () => {
    const {generated, registry} = await generateSections(plan.context, [codeReferenceGenerator as never, livingDocsGenerator as never], []);
    const view = registry.view(generated.map(({section}) => section));
    const input = {context: plan.context, sections: plan.sections, site: view};
    const citations = await citationCheck.run(input);
    expect(citations.map((finding) => [finding.file, finding.line, finding.rule])).toEqual([
      ['docs/guide.mdx', 5, 'citation/broken'],
      ['docs/guide.mdx', 11, 'citation/broken'],
    ]);
    expect(citations[0]!.fix).toContain('`createCharges`');
    const drift = await driftCheck.run(input);
    expect(drift.map((finding) => finding.file)).toEqual(['docs/guide.mdx', 'docs/payments.md']);
    // createCharges has a doc comment; LIMIT and Ledger have none: 1 of 3, below the default goal of 50%.
    const coverage = await coverageCheck.run(input);
    expect(coverage.map((finding) => [finding.rule, finding.severity, finding.message])).toEqual([
      ['coverage/below-threshold', 'error', '33.3% of 3 exported symbols have a doc comment, below the goal of 50%'],
    ]);
  });
});

describe('a page whose front matter is not valid YAML', () => {
  it('is still replaced by its error page once living docs has read it (Docusaurus caches a page before parsing it)', async () => {
    const badTarget = tempBase('living-bad-yaml');
    const badSite = tempBase('living-bad-yaml-site');
    dirs.push(badTarget, badSite);
    makeRepo(badTarget).commit('docs', {
      date: '2024-01-01T00:00:00Z',
      files: {'docs/bad-yaml.md': '---\ntitle: Broken\ntags: [one, two\n---\n\nBody.\n', 'docs/good.md': '# Good\n\nA page.\n'},
    });
    const badPlan = await prepareSite({siteDir: badSite, target: badTarget, generators: [livingDocsGenerator as never]});
    expect(badPlan.context.report.warnings.map((warning) => `${path.basename(warning.details.file ?? '')}:${warning.details.line}: ${warning.message}`)).toEqual([
      'bad-yaml.md:4: the front matter is not valid YAML: unexpected end of the stream within a flow collection',
    ]);
    expect(fs.readFileSync(path.join(authoredStageRoot(badSite), 'docs/bad-yaml.md'), 'utf8')).toContain('bad-yaml.md could not be built');
  });
});
