import {defineConfig} from '@playwright/test';
import {CHROMIUM_ARGS, chromiumExecutable} from './e2e/browser';

export const PORT = Number(process.env.E2E_PORT ?? 3210);

/**
 * The site is built once per run (the default target: this repository) and served on loopback.
 * Tests that build other targets run serially: every build uses this site's folder.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: process.env.CI ? [['list']] : [['list']],
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
