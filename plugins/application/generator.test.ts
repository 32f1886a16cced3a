/**
 * The application section on a small React + Express app (test/applicationFixture.ts), through the
 * generator and core's section pipeline with the HTTP API section beside it, each page compiled as
 * Docusaurus compiles it.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadTargetContext} from '../core/prepareSite';
import {formatReport} from '../core/report';
import {generateAlone, generateSections} from '../core/site/generateSections';
import type {GeneratedSection, TargetContext} from '../core/types';
import {openapiGenerator} from '../openapi/generator';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {makeApplicationTarget} from '../../test/applicationFixture';
import {tempBase} from '../../test/gitRepo';
import {applicationGenerator} from './generator';
import type {ApplicationModel} from './model';

const dirs: string[] = [];
let context: TargetContext;
let section: GeneratedSection<ApplicationModel>;
let model: ApplicationModel;

beforeAll(async () => {
  const target = makeApplicationTarget();
  const site = tempBase('application-site');
  dirs.push(target, site);
  context = await loadTargetContext({siteDir: site, target});
  const {generated} = await generateSections(context, [openapiGenerator, applicationGenerator as never], []);
  section = generated.find((entry) => entry.section.id === 'application')!.section as GeneratedSection<ApplicationModel>;
  model = section.model;
}, 60_000);

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('the application section of a React + Express app', () => {
  it('finds the components by shape', () => {
    expect(model.components.map((c) => `${c.file}#${c.name} ${c.shape}`)).toEqual([
      'src/App.tsx#App class',
      'src/components/Avatar.tsx#Avatar memo',
      'src/components/Button.tsx#Button function',
      'src/components/Card.jsx#Card function',
    ]);
  });
  it('dumps', async () => {
    console.log(JSON.stringify(model, null, 1));
    for (const [name, mdx] of section.files) console.log(name, '\n', mdx);
    console.log(formatReport(context.report));
  });
});
