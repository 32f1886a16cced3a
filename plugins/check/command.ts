/**
 * `docs-architect check [target]`: runs every quality check without bundling the site and prints the
 * findings; exit code 1 on errors, and on warnings with --strict (docs/adr/0042).
 */
import fs from 'node:fs';
import path from 'node:path';
import {UserError} from '../core/errors';
import {counts, formatFindings, FORMATS, type Format} from './format';
import {runCheck} from './run';

export interface CheckCommandOptions {
  target: string;
  cwd: string;
  strict: boolean;
  format?: string;
  output?: string;
  external: boolean;
  only?: string;
  skip?: string;
  verbose: boolean;
  version: string;
}

function list(value: string | undefined): string[] | undefined {
  return value?.split(',').map((item) => item.trim()).filter(Boolean);
}

export async function checkCommand(options: CheckCommandOptions): Promise<number> {
  const format = (options.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UserError(`unknown format "${options.format}"`, {fix: `Use --format ${FORMATS.join(', --format ')}`});
  // The preparation's progress lines would mix with the findings: only with --verbose.
  process.env.DOCS_PROGRESS ??= options.verbose ? 'normal' : 'quiet';
  const started = performance.now();
  const run = await runCheck({target: options.target, cwd: options.cwd, only: list(options.only), skip: list(options.skip), external: options.external});
  const output = formatFindings({findings: run.findings, checks: run.checks, pages: run.pages, version: options.version}, format);
  if (options.output) {
    const file = path.resolve(options.cwd, options.output);
    fs.mkdirSync(path.dirname(file), {recursive: true});
    fs.writeFileSync(file, output);
  }
  // With --output the file holds the report; the terminal still gets the readable lines.
  process.stdout.write(options.output ? formatFindings({findings: run.findings, checks: run.checks, pages: run.pages, version: options.version}, 'text') : output);
  const {errors, warnings} = counts(run.findings);
  if (options.verbose) {
    const steps = run.timings.map(({step, ms}) => `${step} ${(ms / 1000).toFixed(2)} s`).join(', ');
    console.error(`docs-architect check: ${((performance.now() - started) / 1000).toFixed(1)} s (${steps})`);
  }
  return errors > 0 || ((options.strict || run.strict) && warnings > 0) ? 1 : 0;
}
