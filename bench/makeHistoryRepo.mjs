/**
 * A synthetic repository for the history benchmark, written with `git fast-import` (seconds, not the
 * hours 50,000 `git commit` calls would take): COMMITS commits over FILES files by 60 authors across
 * five years, conventional and plain messages, a merge every 100 commits, a semver tag every 250.
 * Deterministic: the same parameters give the same repository, byte for byte.
 */
import {spawn, execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = ['feat', 'feat', 'fix', 'fix', 'fix', 'chore', 'docs', 'refactor', 'perf', 'test', 'ci', 'build'];
const WORDS = ['cache', 'parser', 'router', 'queue', 'index', 'config', 'retry', 'auth', 'schema', 'export', 'logging', 'timeout'];

/** A small deterministic PRNG (mulberry32), so runs compare like with like. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function makeHistoryRepo(dir, {commits = 50_000, files = 5_000} = {}) {
  const marker = path.join(dir, '.bench-params');
  const params = JSON.stringify({commits, files, v: 1});
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === params) return dir;
  fs.rmSync(dir, {recursive: true, force: true});
  fs.mkdirSync(dir, {recursive: true});
  execFileSync('git', ['init', '--quiet', '-b', 'main', dir]);

  const rand = random(42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const paths = Array.from({length: files}, (_, i) => `src/mod${Math.floor(i / 100)}/sub${Math.floor(i / 10) % 10}/file${i % 10}.ts`);
  const contents = paths.map(() => []);
  // A few people do most of the work, as in real projects.
  const authors = Array.from({length: 60}, (_, i) => ({name: `Dev ${String(i).padStart(2, '0')}`, email: `dev${i}@example.com`}));
  const author = () => authors[Math.floor(Math.pow(rand(), 2.5) * authors.length)];
  const start = Date.parse('2020-01-01T00:00:00Z') / 1000;
  const step = Math.floor((5 * 365 * 86400) / commits);

  const child = spawn('git', ['fast-import', '--quiet', '--done'], {cwd: dir, stdio: ['pipe', 'inherit', 'inherit']});
  const done = new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exited ${code}`)))));
  let buffer = [];
  let size = 0;
  const write = async (text) => {
    buffer.push(text);
    size += text.length;
    if (size > 1 << 20) await flush();
  };
  const flush = async () => {
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

  let mark = 0;
  let mainHead;
  let release = 0;
  const modify = async (count) => {
    const ops = [];
    for (let k = 0; k < count; k++) {
      const file = Math.floor(Math.pow(rand(), 1.7) * files); // some files are hot
      const lines = contents[file];
      if (lines.length > 6 && rand() < 0.3) lines.splice(Math.floor(rand() * lines.length), 1);
      else lines.push(`export const v${lines.length} = ${Math.floor(rand() * 1e6)}; // ${pick(WORDS)}`);
      ops.push(`M 100644 inline ${paths[file]}\n${data(lines.join('\n') + '\n')}`);
    }
    return ops.join('');
  };
  // The first commit adds every file, so the repository has all FILES files from the start.
  const addAll = () =>
    paths
      .map((file, i) => {
        contents[i].push(`export const v0 = ${i};`);
        return `M 100644 inline ${file}\n${data(contents[i].join('\n') + '\n')}`;
      })
      .join('');
  const message = (i) => {
    if (rand() < 0.1) return `Update ${pick(WORDS)} handling`;
    const type = pick(TYPES);
    const scope = rand() < 0.7 ? `(mod${Math.floor(rand() * 50)})` : '';
    const breaking = rand() < 0.01;
    return `${type}${scope}${breaking ? '!' : ''}: ${pick(WORDS)} ${pick(WORDS)} #${i}${breaking ? `\n\nBREAKING CHANGE: ${pick(WORDS)} changed` : ''}`;
  };
  const header = (ref, i, who) => {
    const when = start + i * step;
    return `commit ${ref}\nmark :${++mark}\nauthor ${who.name} <${who.email}> ${when} +0000\ncommitter ${who.name} <${who.email}> ${when} +0000\n`;
  };

  const tagEvery250 = async (i) => {
    if (i % 250 !== 249) return;
    release++;
    await write(`reset refs/tags/v${Math.floor(release / 40)}.${Math.floor(release / 8) % 5}.${release % 8}\nfrom :${mainHead}\n\n`);
  };

  for (let i = 0; i < commits; i++) {
    const who = author();
    if (i % 100 === 98 && mainHead) {
      // A side branch from main, merged by the next commit.
      const ops = await modify(2);
      await write(`${header('refs/heads/side', i, who)}${data(message(i))}from :${mainHead}\n${ops}\n`);
      const side = mark;
      const mergeOps = ops; // main has not moved since the branch point: the merge takes the side's files
      i++;
      await write(`${header('refs/heads/main', i, who)}${data(`Merge branch 'side' (#${i})`)}from :${mainHead}\nmerge :${side}\n${mergeOps}\n`);
      mainHead = mark;
      await tagEvery250(i);
      continue;
    }
    const ops = i === 0 ? addAll() : await modify(1 + Math.floor(rand() * 4));
    await write(`${header('refs/heads/main', i, who)}${data(message(i))}${mainHead ? `from :${mainHead}\n` : ''}${ops}\n`);
    mainHead = mark;
    await tagEvery250(i);
  }
  await write('done\n');
  await flush();
  child.stdin.end();
  await done;
  execFileSync('git', ['reset', '--quiet', '--hard', 'main'], {cwd: dir});
  // conventional-changelog reads the package manifest; an untracked one changes no history.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({name: 'bench-history', version: '0.0.0', repository: 'https://github.com/acme/bench-history'}));
  fs.writeFileSync(marker, params);
  return dir;
}
