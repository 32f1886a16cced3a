/**
 * What a build says while it prepares the site, on standard error: one line per phase and section
 * with its counts and time (`Code reference: 186 files, 379 symbols, 4.3 s`). On a terminal a phase
 * that runs longer than a moment shows a live line (nanospinner) with its elapsed time and counter;
 * in CI logs, plain lines only. `--quiet` prints none, `--verbose` adds the steps inside phases.
 * See docs/adr/0038.
 */
import {createSpinner, type Spinner} from 'nanospinner';

export type ProgressLevel = 'quiet' | 'normal' | 'verbose';

/** The stream the lines go to: a terminal or not. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Phase {
  /** Shows a counter on the live line (`pages written: 120`); shown only on a terminal. */
  count(done: number, noun: string): void;
}

export interface PhaseOptions<T> {
  /** Its line only in verbose mode (a step inside a phase); a function decides from the result. */
  verbose?: boolean | ((result: T) => boolean);
  /** What its warnings count as in the summary (default: the label). */
  kind?: string;
  /** Time spent on it before `phase` was called (a section's reading, done with the others). */
  extraMs?: number;
}

export interface Progress {
  readonly level: ProgressLevel;
  /** Runs `work` as one phase; prints `label: <summary>, 1.2 s` when it ends. */
  phase<T>(label: string, work: (phase: Phase) => Promise<T>, summary?: (result: T) => string, options?: PhaseOptions<T>): Promise<T>;
  /** One line, in verbose mode only. */
  detail(line: string): void;
  /** Where warnings are counted, so that each phase knows how many it added. */
  countWarnings(count: () => number): void;
  /** Warnings added during phases, by kind, in the order kinds first had one. */
  readonly warningsByKind: ReadonlyMap<string, number>;
}

export interface ProgressOptions {
  level?: ProgressLevel;
  stream?: ProgressStream;
  now?: () => number;
  /** How long a phase runs before its live line appears, in ms. */
  liveAfter?: number;
}

/** The level the CLI asked for (DOCS_PROGRESS), `normal` when run another way. */
export function progressLevel(env: NodeJS.ProcessEnv = process.env): ProgressLevel {
  const level = env.DOCS_PROGRESS;
  return level === 'quiet' || level === 'verbose' ? level : 'normal';
}

/** `4.3 s`, or `120 ms` under a tenth of a second: the unit a reader compares at a glance. */
export function formatDuration(ms: number): string {
  return ms < 100 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `1 page`, `2 pages`: counts in lines read as words. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const level = options.level ?? progressLevel();
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const liveAfter = options.liveAfter ?? 1500;
  const print = (line: string) => stream.write(`${line}\n`);
  let warningCount = () => 0;
  const warningsByKind = new Map<string, number>();

  return {
    level,
    warningsByKind,
    countWarnings(count) {
      warningCount = count;
    },
    async phase(label, work, summary, phaseOptions = {}) {
      const started = now() - (phaseOptions.extraMs ?? 0);
      const warningsBefore = warningCount();
      let counter = '';
      let spinner: Spinner | undefined;
      let ticker: NodeJS.Timeout | undefined;
      const liveText = () => `${label}… ${counter ? `${counter}, ` : ''}${formatDuration(now() - started)}`;
      // A live line only where it can be redrawn: a terminal, not a CI log.
      const live = level !== 'quiet' && stream.isTTY === true;
      const delay = live
        ? setTimeout(() => {
            spinner = createSpinner(liveText(), {stream: stream as NodeJS.WriteStream}).start();
            ticker = setInterval(() => spinner?.update(liveText()), 200);
          }, liveAfter)
        : undefined;
      const phase: Phase = {
        count(done, noun) {
          counter = `${noun}: ${done}`;
        },
      };
      try {
        const result = await work(phase);
        const quiet = typeof phaseOptions.verbose === 'function' ? phaseOptions.verbose(result) : phaseOptions.verbose;
        end();
        if (level === 'verbose' || (level === 'normal' && !quiet)) {
          const said = summary?.(result);
          print(`${label}: ${said ? `${said}, ` : ''}${formatDuration(now() - started)}`);
        }
        return result;
      } finally {
        end();
        const added = warningCount() - warningsBefore;
        const kind = phaseOptions.kind ?? label;
        if (added > 0) warningsByKind.set(kind, (warningsByKind.get(kind) ?? 0) + added);
      }

      function end(): void {
        clearTimeout(delay);
        clearInterval(ticker);
        spinner?.stop();
        spinner = undefined;
      }
    },
    detail(line) {
      if (level === 'verbose') print(line);
    },
  };
}
