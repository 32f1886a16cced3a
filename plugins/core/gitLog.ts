/**
 * The target's history in one streamed pass: `git log -z --numstat --use-mailmap` read line by line
 * (NUL by NUL) as git writes it. Nothing else in docs-architect runs git once per file: freshness,
 * the changelog, ownership and hot spots all read the commits this returns (see docs/adr/0006).
 *
 * simple-git's `raw` would buffer the whole output as one string (hundreds of MB on a large history)
 * before we could look at it, so git is spawned here directly. The arguments are fixed: no file,
 * branch or tag name of the target ever reaches the command line, and the pathspec follows `--`.
 */
import {spawn} from 'node:child_process';
import {isUtf8} from 'node:buffer';

export interface FileChange {
  /** Index into `GitLog.paths`. */
  path: number;
  /** Lines added and deleted; null for a binary file. */
  added: number | null;
  deleted: number | null;
}

export interface Commit {
  sha: string;
  parents: string[];
  /** Author name after .mailmap. */
  author: string;
  /** Author e-mail after .mailmap. Kept for identity and for `showEmails`; never published by default. */
  email: string;
  /** Author date, ISO 8601 with the author's offset, as git gives it. */
  date: string;
  /** The author date in ms since the epoch, for sorting and windows. */
  time: number;
  subject: string;
  body: string;
  changes: FileChange[];
}

export interface GitLog {
  /** Newest first, in git's order. */
  commits: Commit[];
  /** Every path seen, relative to the directory git ran in (POSIX). */
  paths: string[];
}

export interface ReadGitLogOptions {
  /** Read `--numstat` (files and line counts). Without it, a changelog-only read is much faster. */
  numstat?: boolean;
  /** Stop after this many commits (newest first). */
  maxCount?: number;
  /**
   * Only commits that touch the directory git runs in: for a target that is a subfolder of its
   * repository. Off at a repository's root, where the pathspec would also drop empty commits.
   */
  onlyHere?: boolean;
}

const RECORD = 0x1e;
const FIELD = '\x1f';
// Fields: sha, parents, author name, author e-mail, author date, subject, body. The body is last
// so that a stray separator inside a message can only cut that message short.
const FORMAT = '%x1e%H%x1f%P%x1f%aN%x1f%aE%x1f%aI%x1f%s%x1f%b';

/** Arguments of the one pass; exported for the benchmark and for tests. */
export function gitLogArgs(options: ReadGitLogOptions = {}): string[] {
  return [
    '-c',
    'core.quotepath=off',
    'log',
    '-z',
    '--use-mailmap',
    '--encoding=UTF-8',
    '--no-color',
    '--no-show-signature',
    '--no-ext-diff',
    '--no-textconv',
    '--no-renames',
    ...(options.numstat === false ? [] : ['--numstat', '--relative']),
    ...(options.maxCount ? [`--max-count=${options.maxCount}`] : []),
    `--format=${FORMAT}`,
    'HEAD',
    '--',
    ...(options.onlyHere ? ['.'] : []),
  ];
}

/**
 * Runs the one pass in `cwd` (the target's root). Rejects when git fails (no repository, no HEAD):
 * callers decide what that means, usually with `readGitInfo` facts in hand.
 */
export function readGitLog(cwd: string, options: ReadGitLogOptions = {}): Promise<GitLog> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitLogArgs(options), {cwd, stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv()});
    const parser = createGitLogParser();
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => parser.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(parser.end());
      else reject(new Error(`git log failed (exit ${code}): ${stderr.trim()}`));
    });
  });
}

/** No pager, no prompts, English messages: git's output is data here. */
export function gitEnv(): NodeJS.ProcessEnv {
  return {...process.env, GIT_PAGER: 'cat', PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C'};
}

export interface GitLogParser {
  push(chunk: Buffer): void;
  end(): GitLog;
}

/** The streaming parser: feed it stdout chunks of `git log -z` with FORMAT, in order. Pure. */
export function createGitLogParser(): GitLogParser {
  const commits: Commit[] = [];
  const paths: string[] = [];
  const pathIds = new Map<string, number>();
  let pending: Buffer | undefined;
  let current: Commit | undefined;

  const token = (bytes: Buffer) => {
    // Each record after the first starts on a new line: git ends the header with NUL, then '\n'.
    let start = 0;
    while (start < bytes.length && bytes[start] === 0x0a) start++;
    if (start === bytes.length) return;
    if (bytes[start] === RECORD) {
      current = parseHeader(decode(bytes.subarray(start + 1)));
      commits.push(current);
      return;
    }
    const change = decode(bytes.subarray(start));
    const firstTab = change.indexOf('\t');
    const secondTab = change.indexOf('\t', firstTab + 1);
    if (!current || firstTab < 0 || secondTab < 0) return;
    const file = change.slice(secondTab + 1);
    let id = pathIds.get(file);
    if (id === undefined) {
      id = paths.length;
      paths.push(file);
      pathIds.set(file, id);
    }
    const added = change.slice(0, firstTab);
    const deleted = change.slice(firstTab + 1, secondTab);
    current.changes.push({
      path: id,
      added: added === '-' ? null : Number(added),
      deleted: deleted === '-' ? null : Number(deleted),
    });
  };

  return {
    push(chunk) {
      const data = pending ? Buffer.concat([pending, chunk]) : chunk;
      let start = 0;
      for (let end = data.indexOf(0, start); end !== -1; end = data.indexOf(0, start)) {
        token(data.subarray(start, end));
        start = end + 1;
      }
      // Copied, so the parser never pins a large chunk for the sake of a short tail.
      pending = start < data.length ? Buffer.from(data.subarray(start)) : undefined;
    },
    end() {
      if (pending) token(pending);
      pending = undefined;
      return {commits, paths};
    },
  };
}

function parseHeader(header: string): Commit {
  const fields = header.split(FIELD);
  const [sha = '', parents = '', author = '', email = '', date = '', subject = ''] = fields;
  const body = fields.slice(6).join(FIELD).trim();
  return {
    sha,
    parents: parents ? parents.split(' ') : [],
    author,
    email,
    date,
    time: Date.parse(date),
    subject,
    body,
    changes: [],
  };
}

/**
 * Git stores names and messages as bytes. A commit that declares its encoding is re-encoded to UTF-8
 * by `--encoding`; one that does not (old tools, latin-1 terminals) may still hold latin-1 bytes,
 * which we read as latin-1 rather than as replacement characters.
 */
function decode(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
}
