/**
 * During `start`, copies the authored docs again when their real files change (docs/adr/0024).
 * This is a plain file watcher, not a plugin's watched paths: Docusaurus reloads plugins without a
 * queue (`createReloadableSite` in @docusaurus/core, "subject to plugin reloads race conditions"),
 * so a plugin reload that re-staged the copy would race the docs plugin's own reload of that copy,
 * and the slower, stale one would win (a renamed page then pointed at a file that is gone). Here the
 * copy changes outside any reload, and only the docs plugin reloads, as it would for files of its own.
 */
import fs from 'node:fs';

const KEY = Symbol.for('docs-architect.authoredWatcher');
/** On the process: the config is evaluated again when it changes, and the old watcher must stop. */
const state = globalThis as typeof globalThis & {[KEY]?: {close(): void}};

export function watchAuthoredDocs(paths: readonly string[], restage: () => Promise<void>): void {
  state[KEY]?.close();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const schedule = () => {
    clearTimeout(timer);
    // An editor's save is often several events (write, rename, chmod): copy once after them.
    timer = setTimeout(() => void run(), 100);
  };
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await restage();
    } catch (error) {
      console.error(`docs-architect: the docs could not be copied again: ${(error as Error).message}`);
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };
  const watchers = paths.flatMap((path) => {
    try {
      return [fs.watch(path, {recursive: fs.statSync(path).isDirectory()}, schedule)];
    } catch {
      return []; // gone since the build started: nothing to watch
    }
  });
  state[KEY] = {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
