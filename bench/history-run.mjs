/**
 * One measured run of our history extraction, in its own process so /usr/bin/time sees its peak
 * memory: `node bench/history-run.mjs full|changelog <repo> <out-dir>`.
 *   full       the whole history section, as a build makes it: discovery and the one git pass with
 *              --numstat, tags, ownership, hot spots, decisions, every page rendered. Cold:
 *              the git-log cache a build keeps under <out-dir>/.docs-architect is removed first.
 *   changelog  what a changelog tool does: commits without file stats, tags, the changelog pages.
 * Pages are written to <out-dir>, as the peers write their changelog file.
 */
import fs from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {createJiti} from 'jiti';

const [mode, repo, out] = process.argv.slice(2);
const jiti = createJiti(import.meta.url);
const started = performance.now();
let files;
if (mode === 'full') {
  // Cold: the pass cached by an earlier run must not be reused (see readTargetHistory's cacheFile).
  fs.rmSync(path.join(out, '.docs-architect'), {recursive: true, force: true});
  const {loadTargetContext} = await jiti.import('../plugins/core/prepareSite.ts');
  const {historyGenerator} = await jiti.import('../plugins/git-history/generator.ts');
  const {generateAlone} = await jiti.import('../plugins/core/site/generateSections.ts');
  const context = await loadTargetContext({siteDir: out, target: repo});
  files = (await generateAlone(historyGenerator, context))[0].files;
} else if (mode === 'changelog') {
  const {readGitLog} = await jiti.import('../plugins/core/gitLog.ts');
  const {readTags} = await jiti.import('../plugins/git-history/readTags.ts');
  const {extractChangelog} = await jiti.import('../plugins/git-history/extractChangelog.ts');
  const {renderChangelog} = await jiti.import('../plugins/git-history/renderChangelog.ts');
  const [log, tags] = await Promise.all([readGitLog(repo, {numstat: false}), readTags(repo)]);
  const changelog = extractChangelog(log.commits, tags);
  const model = {project: 'bench', status: {notes: []}, changelogSource: 'generated', changelog, freshness: {}};
  files = renderChangelog(model, {commitUrl: (sha) => `https://github.com/acme/bench-history/commit/${sha}`}, 2);
} else {
  throw new Error(`unknown mode ${mode}`);
}
fs.mkdirSync(out, {recursive: true});
for (const [name, content] of files) {
  fs.mkdirSync(path.dirname(path.join(out, name)), {recursive: true});
  fs.writeFileSync(path.join(out, name), content);
}
console.log(JSON.stringify({mode, ms: Math.round(performance.now() - started), pages: files.size}));
