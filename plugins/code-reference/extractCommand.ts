/**
 * `docs-architect extract [target] [--json file]`: the code reference's model (every TypeScript and
 * Python package, module and symbol) as JSON, without building pages — what `griffe dump` is to
 * mkdocstrings. It loads what reading the code needs and nothing of the site: no Docusaurus, no MDX
 * writer, no git history, no cache (docs/adr/0052). The model is the one `build` publishes in
 * docs-architect.json's code-reference section.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {formatReport} from '../core/report';
import {sortedJson} from '../core/site/siteModel';
import {loadTargetContext} from '../core/targetContext';
import {extractCodeReferenceModel} from './extractModel';

/** The version of the file's envelope; the model inside carries its own. */
export const EXTRACT_FILE_VERSION = 1;

export interface ExtractOptions {
  target: string;
  cwd: string;
  /** Where to write the JSON; stdout when absent. */
  json?: string;
  strict: boolean;
}

export async function extractCommand(options: ExtractOptions): Promise<number> {
  const context = await loadTargetContext({
    // Nothing is written there: no cache and no history are used by this command.
    siteDir: path.join(os.tmpdir(), 'docs-architect-extract'),
    target: options.target,
    cwd: options.cwd,
    strict: options.strict,
    history: false,
  });
  const extracted = await extractCodeReferenceModel(context, {cache: false});
  const text = sortedJson({
    version: EXTRACT_FILE_VERSION,
    kind: 'code-reference',
    project: {...context.project, commit: context.git.head, branch: context.git.branch},
    model: extracted?.model ?? null,
  });
  if (options.json) {
    const file = path.resolve(options.cwd, options.json);
    fs.mkdirSync(path.dirname(file), {recursive: true});
    fs.writeFileSync(file, text);
  } else {
    process.stdout.write(text);
  }
  if (context.report.warnings.length > 0) console.error(formatReport(context.report));
  if (!extracted) console.error(`docs-architect: no TypeScript, JavaScript or Python package found in ${context.root}`);
  return context.strict && context.report.warnings.length > 0 ? 1 : 0;
}
