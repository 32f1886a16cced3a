/**
 * The build-time check on a real target folder through prepareSite, with the real overview
 * generator: a bad value is a warning naming file, line, field and fix; strict mode fails with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatUserError, isUserError} from '../core/errors';
import {prepareSite} from '../core/prepareSite';
import {overviewGenerator} from '../overview/generator';
import {createFrontMatterCheck, listDocFiles} from './checkFrontMatter';

let base: string;
let target: string;
let siteDir: string;

const OPS = `---
title: Operations
audience:
  - sre
  - srr
experience_level: advanced
---

# Operations
`;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-audience-check-')));
  target = path.join(base, 'target');
  siteDir = path.join(base, 'site');
  fs.mkdirSync(path.join(target, 'docs', '_partials'), {recursive: true});
  fs.mkdirSync(siteDir);
  fs.writeFileSync(path.join(target, 'docs', 'ops.md'), OPS);
  fs.writeFileSync(path.join(target, 'docs', 'data.md'), '---\naudience: [data-scientists]\ncontent_type: tutorial\n---\n\n# Data\n');
  fs.writeFileSync(path.join(target, 'docs', '_partials', 'bad.md'), '---\naudience: [nobody]\n---\n');
  fs.writeFileSync(
    path.join(target, 'docs-architect.config.yaml'),
    'audiences:\n  extra:\n    - id: data-science\n      label: Data scientists\n      aliases: [data-scientists]\n',
  );
});

afterAll(() => {
  fs.rmSync(base, {recursive: true, force: true});
});

const prepare = (strict: boolean, reported = new Set<string>(), check = createFrontMatterCheck(reported)) =>
  prepareSite({siteDir, target, strict, generators: [overviewGenerator], checks: [check]});

describe('front matter check', () => {
  it('lists the pages Docusaurus serves, not partials', async () => {
    expect((await listDocFiles(path.join(target, 'docs'))).map((file) => path.basename(file))).toEqual(['data.md', 'ops.md']);
  });

  it('warns once per problem with file, line, field, value and the closest match, and still builds', async () => {
    const plan = await prepare(false);
    const messages = plan.context.report.warnings.map((warning) => formatUserError(warning));
    expect(messages).toEqual([
      `${path.join(target, 'docs', 'ops.md')}:5: audience[1]: unknown audience "srr". Did you mean "sre"? Allowed: everyone, new-hire, backend, frontend, sre, integrator, architect, product, security, qa, data-science (a site adds its own under audiences.extra in docs-architect.config).`,
    ]);
    // The generated overview carries valid values itself, and the config's audience is accepted.
    expect(plan.sections.map((section) => section.id)).toEqual(['docs', 'overview']);
  });

  it('counts the pages tagged for an audience: not the overview (for everyone), not a page whose audience is invalid', async () => {
    const check = createFrontMatterCheck(new Set());
    await prepare(false, undefined, check);
    expect(check.taggedPages).toBe(1);
  });

  it('does not report a problem twice when the site is prepared again (npm start)', async () => {
    const reported = new Set<string>();
    await prepare(false, reported);
    const again = await prepare(false, reported);
    expect(again.context.report.warnings).toEqual([]);
  });

  it('fails a strict build with the same message', async () => {
    const error = await prepare(true).catch((caught: unknown) => caught);
    expect(isUserError(error)).toBe(true);
    expect(formatUserError(error as never)).toMatch(/ops\.md:5: audience\[1\]: unknown audience "srr"\. Did you mean "sre"\?.*strict mode fails on any warning/);
  });
});
