/**
 * Which tools and versions the project asks for: Node (`engines`, `.nvmrc`, `.node-version`,
 * `.tool-versions`, `volta`), the package manager (`packageManager`, `engines`, lock files), Python
 * (`requires-python`, Poetry's `python`, `.python-version`), Go (`go.mod`'s `go` and `toolchain`).
 * Root files only: those are what a newcomer installs first.
 */
import {parseJson} from '../../core/parseJson';
import type {Tool} from '../model';
import type {Sources} from './sources';

/** `pyproject.toml` and `go.mod` at the root or in any folder (a Python API beside a Node app). */
const nested = (sources: Sources, name: string) => sources.files.filter((file) => file === name || file.endsWith(`/${name}`)).filter((file) => !/(^|\/)(node_modules|vendor|testdata|fixtures?)\//.test(file));

export {nested};

export async function readToolchain(sources: Sources): Promise<Tool[]> {
  const tools: Tool[] = [];
  const push = (tool: string, version: string, file: string, line: number) => tools.push({tool, version: version.trim(), from: {file, line}});
  const lineOfText = (text: string, needle: RegExp) => {
    const index = text.search(needle);
    return index < 0 ? 1 : text.slice(0, index).split('\n').length;
  };

  const pkgText = await sources.read('package.json');
  if (pkgText) {
    const parsed = parseJson(pkgText);
    if (parsed.ok && typeof parsed.value === 'object' && parsed.value) {
      const pkg = parsed.value as Record<string, unknown>;
      const engines = (typeof pkg.engines === 'object' && pkg.engines) || {};
      for (const [tool, version] of Object.entries(engines as Record<string, unknown>)) {
        if (typeof version === 'string') push(tool, version, 'package.json', lineOfText(pkgText, new RegExp(`"${tool}"\\s*:`)));
      }
      if (typeof pkg.packageManager === 'string') {
        const [tool, version = ''] = pkg.packageManager.split('@');
        push(tool!, version.split('+')[0]!, 'package.json', lineOfText(pkgText, /"packageManager"\s*:/));
      }
      const volta = (typeof pkg.volta === 'object' && pkg.volta) || {};
      for (const [tool, version] of Object.entries(volta as Record<string, unknown>)) {
        if (typeof version === 'string') push(tool, `${version} (Volta)`, 'package.json', lineOfText(pkgText, new RegExp(`"${tool}"\\s*:\\s*"${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`)));
      }
    }
  }
  for (const [file, tool] of [['.nvmrc', 'node'], ['.node-version', 'node'], ['.python-version', 'python'], ['.go-version', 'go']] as const) {
    const text = await sources.read(file);
    const first = text?.split('\n').findIndex((line) => line.trim() && !line.trim().startsWith('#'));
    if (text !== undefined && first !== undefined && first >= 0) push(tool, text.split('\n')[first]!, file, first + 1);
  }
  const asdf = await sources.read('.tool-versions');
  asdf?.split('\n').forEach((line, i) => {
    const match = /^\s*([\w-]+)\s+(\S+)/.exec(line);
    if (match && !line.trim().startsWith('#')) push(match[1] === 'nodejs' ? 'node' : match[1]!, match[2]!, '.tool-versions', i + 1);
  });
  for (const file of nested(sources, 'pyproject.toml')) {
    (await sources.read(file))?.split('\n').forEach((line, i) => {
      const requires = /^\s*requires-python\s*=\s*["']([^"']+)["']/.exec(line);
      if (requires) push('python', requires[1]!, file, i + 1);
      const poetry = /^\s*python\s*=\s*["']([^"']+)["']/.exec(line);
      if (poetry) push('python', poetry[1]!, file, i + 1);
    });
  }
  for (const file of nested(sources, 'go.mod')) {
    (await sources.read(file))?.split('\n').forEach((line, i) => {
      const match = /^(go|toolchain)\s+(\S+)/.exec(line);
      if (match) push(match[1] === 'go' ? 'go' : 'go toolchain', match[2]!, file, i + 1);
    });
  }
  return tools;
}

/** The package manager a lock file implies, for the install command. */
export function packageManagerOf(sources: Sources, tools: Tool[]): {tool: string; install: string; run: (script: string) => string; lockfile?: string} {
  const declared = tools.find((t) => ['npm', 'pnpm', 'yarn', 'bun'].includes(t.tool) && t.from.file === 'package.json' && !/Volta/.test(t.version));
  const lock = ['pnpm-lock.yaml', 'yarn.lock', 'bun.lockb', 'bun.lock', 'package-lock.json', 'npm-shrinkwrap.json'].find((file) => sources.has(file));
  const tool = declared?.tool ?? (lock?.startsWith('pnpm') ? 'pnpm' : lock === 'yarn.lock' ? 'yarn' : lock?.startsWith('bun') ? 'bun' : 'npm');
  const install = tool === 'npm' ? (lock ? 'npm ci' : 'npm install') : tool === 'yarn' ? 'yarn install' : `${tool} install`;
  return {tool, install, run: (script) => (tool === 'npm' ? `npm run ${script}` : `${tool} run ${script}`), lockfile: lock};
}
