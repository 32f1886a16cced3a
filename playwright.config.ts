import os from 'node:os';
import path from 'node:path';
import {defineConfig} from '@playwright/test';
import {CHROMIUM_ARGS, chromiumExecutable} from './e2e/browser';

export const PORT = Number(process.env.E2E_PORT ?? 3210);

// One folder per run for the targets specs build (e2e/targets.ts): named here, in the runner, so
// that every worker (they inherit its environment) finds the builds the others made.
process.env.E2E_RUN_DIR ??= path.join(os.tmpdir(), `docs-architect-e2e-${process.pid}-${Date.now()}`);

/**
 * The site is built once per run (the default target: this repository) and served on loopback.
 * Other targets are built once per run each, whichever specs use them (e2e/catalog.ts,
 * docs/adr/0048), and removed by the global teardown.
 */
export default defineConfig({
  testDir: 'e2e',
  // Files are the unit of work: a file's tests share its targets' builds and servers. Two workers
  // on CI's two cores: one worker left a core idle through most of the run, since a build uses about
  // one core and a browser test less; with two, one file's build runs beside another's browser tests
  // (docs/adr/0060). On a machine shared with other work, `--workers 1` keeps the old pace.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 120_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalTeardown: './e2e/globalTeardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: {executablePath: chromiumExecutable(), args: CHROMIUM_ARGS},
    trace: 'off',
  },
  webServer: {
    command: `node bin/docs-architect.js build && node node_modules/@docusaurus/core/bin/docusaurus.mjs serve --dir build --port ${PORT} --host 127.0.0.1 --no-open`,
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
