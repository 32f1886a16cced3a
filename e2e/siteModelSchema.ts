/**
 * Every site an end-to-end test builds publishes a docs-architect.json that must validate against
 * the schema that ships with it (docs/adr/0029): runBuild checks it after each successful build, so
 * each e2e target's model is validated without a test of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, {type ValidateFunction} from 'ajv/dist/2020';
import {SCHEMA_PATH, SITE_MODEL_FILE} from '../plugins/core/site/siteModel';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv2020({allErrors: true, strict: true, strictRequired: false, validateFormats: false}).compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as object);
  return compiled;
}

/** The problems of a site model against the schema, one line each; none when it is valid. */
export function siteModelProblems(model: unknown): string[] {
  const validate = validator();
  if (validate(model)) return [];
  // Plain errors first: a section's kind-dependent rules (allOf/if/then) repeat one cause per kind.
  const errors = [...(validate.errors ?? [])].sort((a, b) => Number(a.schemaPath.includes('/allOf/')) - Number(b.schemaPath.includes('/allOf/')));
  return errors.slice(0, 10).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'} (${error.schemaPath})`);
}

/** Throws, naming the build and the first problems, when the built site's model is missing or invalid. */
export function assertValidSiteModel(outDir: string): void {
  const file = path.join(outDir, SITE_MODEL_FILE);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: every build publishes its site model`);
  const problems = siteModelProblems(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (problems.length > 0) throw new Error(`${file} does not validate against docs-architect.schema.json:\n  ${problems.join('\n  ')}`);
}
