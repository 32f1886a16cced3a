/**
 * `docs-architect build|start|serve [target]`: checks the target and its config, then runs Docusaurus
 * on this site with DOCS_TARGET set. A user's mistake is one line and a non-zero exit, before
 * anything is written.
 */
import {spawn} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createBuildSite} from './buildFolders';
import {formatUserError, isUserError, UserError} from './errors';
import {loadConfig} from './loadConfig';
import {resolveTarget} from './resolveTarget';

const SITE_DIR = path.resolve(__dirname, '..', '..');

/**
 * Installed as a dependency (inside node_modules) rather than run from a clone: then the target
 * defaults to the current folder and the site to its `build/docs`, never into the package
 * (docs/adr/0038). A clone keeps documenting itself into its own `build/`.
 */
const INSTALLED = fs.realpathSync(SITE_DIR).split(path.sep).includes('node_modules');

/** Where a build of `target` goes without --out. */
export function defaultOut(target: string, installed = INSTALLED): string {
  return installed ? path.join(target, 'build', 'docs') : path.join(SITE_DIR, 'build');
}

const USAGE = `Usage: docs-architect <command> [target] [options]

Commands:
  build [target]   build the documentation site of the repository at [target] (default: the current
                   folder; docs-architect itself when run from its own clone)
  start [target]   serve it with hot reload while you write
  serve            serve a built site
  check [target]   check the docs without building the site: links and anchors (authored and
                   generated pages), front matter, Mermaid, headings, alt text, readability,
                   inclusive language, markdownlint (see docs/check.md)
  extract [target] write the code reference's model (TypeScript and Python packages, modules,
                   symbols) as JSON, without building pages (see docs/python.md)

Options:
  --out <dir>      output folder of build, or folder served by serve (default: build/docs in the
                   target; build in a clone of docs-architect)
  --json <file>    build: also write the site model (docs-architect.json) to <file>;
                   extract: write the model to <file> (default: standard output)
  --strict         fail on any warning: broken links, invalid config values, bad specs (check:
                   exit 1 on warnings too, not only on errors)
  --untrusted      the target is input nobody vouched for (a pull request): authored pages are
                   compiled like generated ones (raw HTML sanitised, no MDX imports, expressions
                   or JSX), whatever its config says
  --bundler <name> rspack (default: about 4x faster) or webpack (for sites of many thousand pages,
                   where Rspack's peak memory overtakes webpack's)
  -q, --quiet      build, start: no progress lines and no summary, only warnings and errors
  --verbose        build, start: also the steps inside each phase
  --format <f>     check: text (default), json, sarif or junit
  --output <file>  check: write the report to <file> (the terminal still gets the text)
  --only <ids>     check: run only these checks (comma-separated, e.g. links,mermaid)
  --skip <ids>     check: leave out these checks or rule ids (e.g. readability,markdownlint/MD010)
  --external       check: also request every external link (off by default)
  --port <n>       port for start and serve (default: 3000)
  --host <host>    host for start and serve (default: localhost)
  -h, --help       show this help
  -v, --version    show the version

The target can also be given as DOCS_TARGET, e.g. DOCS_TARGET=../my-repo npm run build.
Each build keeps its work files in its own folder under ~/.cache/docs-architect (or
$XDG_CACHE_HOME/docs-architect, or DOCS_ARCHITECT_CACHE_DIR); nothing is written into the target.`;

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(SITE_DIR, 'package.json'), 'utf8')) as {version: string}).version;
}

/** Where the user was: npm runs scripts from the package root but records the caller's folder. */
function userCwd(): string {
  return process.env.INIT_CWD || process.cwd();
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: {type: 'string'},
        json: {type: 'string'},
        strict: {type: 'boolean', default: false},
        untrusted: {type: 'boolean', default: false},
        bundler: {type: 'string'},
        quiet: {type: 'boolean', short: 'q', default: false},
        verbose: {type: 'boolean', default: false},
        port: {type: 'string'},
        host: {type: 'string'},
        format: {type: 'string'},
        output: {type: 'string'},
        only: {type: 'string'},
        skip: {type: 'string'},
        external: {type: 'boolean', default: false},
        help: {type: 'boolean', short: 'h', default: false},
        version: {type: 'boolean', short: 'v', default: false},
      },
    });
  } catch (error) {
    console.error(`docs-architect: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const {values, positionals} = parsed;
  if (values.version) {
    console.log(packageVersion());
    return 0;
  }
  const [command, targetArg, ...extra] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  try {
    if (extra.length > 0) {
      throw new UserError(`unexpected arguments: ${extra.join(' ')}`, {fix: 'Give one target folder'});
    }
    if (values.bundler && !['rspack', 'webpack'].includes(values.bundler)) {
      throw new UserError(`unknown bundler "${values.bundler}"`, {fix: 'Use --bundler rspack or --bundler webpack'});
    }
    if (values.port && !/^\d+$/.test(values.port)) {
      throw new UserError(`port "${values.port}" is not a number`, {fix: 'Use e.g. --port 3000'});
    }
    const out = values.out ? path.resolve(userCwd(), values.out) : undefined;
    if (values.json !== undefined && command !== 'build' && command !== 'extract') {
      throw new UserError('--json is an option of build and extract', {fix: 'Use docs-architect build --json site.json'});
    }
    switch (command) {
      case 'build':
      case 'start': {
        const target = resolveTarget(targetArg ?? process.env.DOCS_TARGET ?? (INSTALLED ? userCwd() : SITE_DIR), userCwd());
        await loadConfig(target); // fail here, in one line, rather than inside Docusaurus
        // Each build has its own site folder, so builds of other targets never share work files.
        const buildOut = out ?? defaultOut(target);
        if (!out && command === 'build') refuseLinkedOut(target, buildOut);
        const siteDir = createBuildSite({packageDir: SITE_DIR, target, out: command === 'build' ? buildOut : 'start'});
        const config = ['--config', path.join(SITE_DIR, 'docusaurus.config.ts')];
        const args = command === 'build' ? ['build', siteDir, ...config, '--out-dir', buildOut] : ['start', siteDir, ...config, '--no-open'];
        if (command === 'start') args.push(...portAndHost(values));
        const started = performance.now();
        const code = await runDocusaurus(args, {
          DOCS_PROGRESS: values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal',
          DOCS_TARGET: target,
          DOCS_SITE_DIR: siteDir,
          ...(values.strict ? {DOCS_STRICT: '1'} : {}),
          ...(values.untrusted ? {DOCS_UNTRUSTED: '1'} : {}),
          ...(values.bundler ? {DOCS_BUNDLER: values.bundler} : {}),
        });
        // The model is written into the built site on every build; --json copies it where asked.
        if (code === 0 && values.json) {
          const file = path.resolve(userCwd(), values.json);
          fs.mkdirSync(path.dirname(file), {recursive: true});
          fs.copyFileSync(path.join(buildOut, 'docs-architect.json'), file);
          console.log(`docs-architect: site model written to ${file}`);
        }
        // Imported here: its progress spinner is no part of the other commands (extract's start-up, docs/adr/0052).
        const {formatBuildSummary, readBuildSummary} = await import('./buildSummary');
        const summary = code === 0 && command === 'build' && !values.quiet ? readBuildSummary(siteDir) : undefined;
        if (summary) console.error(formatBuildSummary(summary, buildOut, performance.now() - started, serveCommand(out)));
        return code;
      }
      case 'check': {
        // Loaded only for this command: it brings every generator and check along.
        const {checkCommand} = await import('../check/command');
        return await checkCommand({
          target: targetArg ?? process.env.DOCS_TARGET ?? (INSTALLED ? userCwd() : SITE_DIR),
          cwd: userCwd(),
          strict: values.strict,
          format: values.format,
          output: values.output,
          external: values.external,
          only: values.only,
          skip: values.skip,
          verbose: values.verbose,
          version: packageVersion(),
        });
      }
      case 'extract': {
        // Loaded only for this command, and it loads only what reading the code needs (docs/adr/0052).
        const {extractCommand} = await import('../code-reference/extractCommand');
        return await extractCommand({
          target: targetArg ?? process.env.DOCS_TARGET ?? (INSTALLED ? userCwd() : SITE_DIR),
          cwd: userCwd(),
          json: values.json,
          strict: values.strict,
        });
      }
      case 'serve':
        if (targetArg) throw new UserError('serve takes no target', {fix: 'Use --out <dir> to choose the built site'});
        // The served site's base URL is in the config of the repository it documents: here, installed.
        return await runDocusaurus(['serve', '--no-open', '--dir', out ?? defaultOut(userCwd()), ...portAndHost(values)], INSTALLED && !process.env.DOCS_TARGET ? {DOCS_TARGET: userCwd()} : {});
      default:
        throw new UserError(`unknown command "${command}"`, {fix: 'Use build, start, serve, check or extract (see --help)'});
    }
  } catch (error) {
    if (isUserError(error)) {
      console.error(`docs-architect: ${formatUserError(error)}`);
      return 1;
    }
    throw error;
  }
}

/**
 * The default output folder is inside the target: a `build` or `build/docs` there that is a symbolic
 * link would send the site (and Docusaurus's emptying of the folder) somewhere else.
 */
function refuseLinkedOut(target: string, out: string): void {
  for (let dir = out; dir.startsWith(target + path.sep); dir = path.dirname(dir)) {
    if (fs.lstatSync(dir, {throwIfNoEntry: false})?.isSymbolicLink()) {
      throw new UserError(`${path.relative(target, dir)} in the target is a symbolic link`, {fix: 'Give the output folder with --out <dir>'});
    }
  }
}

/** How to serve what was just built, as the user would type it. */
function serveCommand(out: string | undefined): string {
  if (!out) return 'npx docs-architect serve';
  const relative = path.relative(userCwd(), out);
  return `npx docs-architect serve --out ${relative.startsWith('..') || path.isAbsolute(relative) ? out : relative || '.'}`;
}

function portAndHost(values: {port?: string; host?: string}): string[] {
  return [...(values.port ? ['--port', values.port] : []), ...(values.host ? ['--host', values.host] : [])];
}

function runDocusaurus(args: string[], env: Record<string, string>): Promise<number> {
  const bin = require.resolve('@docusaurus/core/bin/docusaurus.mjs', {paths: [SITE_DIR]});
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: SITE_DIR,
      stdio: 'inherit',
      env: {...process.env, ...env},
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
