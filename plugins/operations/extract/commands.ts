/**
 * The project's own commands: package.json scripts (descriptions from `scripts-info`,
 * `scriptsInfo`, `scripts-description`, `ntl.descriptions` or a `"//name"` key beside the script),
 * Makefile and justfile targets (description from a `## …` after the target or the comment above
 * it), and Python scripts (`[project.scripts]`, `[tool.poetry.scripts]`, `[tool.pdm.scripts]`).
 */
import {parseJson} from '../../core/parseJson';
import type {Command} from '../model';
import {commentAbove, type Sources} from './sources';
import type {Problem} from './yamlFile';
import {nested} from './toolchain';

const PURPOSES: [Command['purpose'], RegExp][] = [
  ['test', /^(test|tests|e2e|spec|coverage|cov)([:_-]|$)|test$/i],
  ['lint', /^(lint|format|fmt|typecheck|type-check|check|prettier|eslint|vet|mypy|ruff)([:_-]|$)/i],
  ['build', /^(build|compile|bundle|dist|package)([:_-]|$)/i],
  ['run', /^(start|dev|serve|watch|run|up|develop)([:_-]|$)/i],
  ['install', /^(install|setup|bootstrap|prepare|deps|init)([:_-]|$)/i],
];

export function purposeOf(name: string): Command['purpose'] {
  return PURPOSES.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function readCommands(sources: Sources, run: (script: string) => string): Promise<{commands: Command[]; problems: Problem[]}> {
  const commands: Command[] = [];
  const problems: Problem[] = [];
  const pkgText = await sources.read('package.json');
  if (pkgText) {
    const parsed = parseJson(pkgText);
    const pkg = parsed.ok && typeof parsed.value === 'object' && parsed.value ? (parsed.value as Record<string, unknown>) : {};
    const scripts = (typeof pkg.scripts === 'object' && pkg.scripts) || {};
    const info = {
      ...((pkg.ntl as {descriptions?: object} | undefined)?.descriptions ?? {}),
      ...((pkg['scripts-description'] as object | undefined) ?? {}),
      ...((pkg.scriptsInfo as object | undefined) ?? {}),
      ...((pkg['scripts-info'] as object | undefined) ?? {}),
    } as Record<string, unknown>;
    const scriptsAt = pkgText.search(/"scripts"\s*:/);
    for (const [name, value] of Object.entries(scripts as Record<string, unknown>)) {
      if (typeof value !== 'string' || name.startsWith('//')) continue;
      const comment = (scripts as Record<string, unknown>)[`//${name}`];
      const description = typeof info[name] === 'string' ? (info[name] as string) : typeof comment === 'string' ? comment : undefined;
      const at = pkgText.slice(Math.max(scriptsAt, 0)).search(new RegExp(`"${escapeRegExp(name)}"\\s*:`));
      const line = at < 0 ? 1 : pkgText.slice(0, Math.max(scriptsAt, 0) + at).split('\n').length;
      commands.push({run: name === 'test' || name === 'start' ? run(name).replace(/ run (test|start)$/, ' $1') : run(name), does: value.length <= 140 ? value : `${value.slice(0, 137)}...`, description, purpose: purposeOf(name), from: {file: 'package.json', line}});
    }
  }
  for (const file of ['Makefile', 'makefile', 'GNUmakefile']) {
    const text = await sources.read(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const match = /^([A-Za-z0-9][A-Za-z0-9_./-]*)\s*:(?![:=])([^#\n]*)(?:##\s*(.*))?$/.exec(line);
      if (!match || match[1]!.includes('%') || /\.(o|c|h|js|ts)$/.test(match[1]!)) return;
      commands.push({run: `make ${match[1]}`, description: match[3]?.trim() || commentAbove(lines, i), purpose: purposeOf(match[1]!), from: {file, line: i + 1}});
    });
    break;
  }
  for (const file of ['justfile', 'Justfile', '.justfile']) {
    const text = await sources.read(file);
    if (text === undefined) continue;
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      const match = /^@?([A-Za-z0-9_-]+)(?:\s+[^:=]*)?:(?!=)/.exec(line);
      if (!match || /^(set|alias|export|import|mod)$/.test(match[1]!)) return;
      commands.push({run: `just ${match[1]}`, description: commentAbove(lines, i), purpose: purposeOf(match[1]!), from: {file, line: i + 1}});
    });
    break;
  }
  for (const file of nested(sources, 'pyproject.toml')) {
    const pyproject = await sources.read(file);
    if (pyproject === undefined) continue;
    let table = '';
    pyproject.split('\n').forEach((line, i) => {
      const header = /^\s*\[([^\]]*)\]?\s*(#.*)?$/.exec(line);
      if (header && line.trim().startsWith('[')) {
        if (!/\]\s*(#.*)?$/.test(line.trim())) problems.push({file, line: i + 1, message: 'a table header without its closing `]`'});
        table = header[1]!.trim();
        return;
      }
      const entry = /^\s*([\w.-]+)\s*=\s*(.+)$/.exec(line);
      if (!entry) return;
      const runner = table === 'project.scripts' ? '' : table === 'tool.poetry.scripts' ? 'poetry run ' : table === 'tool.pdm.scripts' ? 'pdm run ' : /^tool\.hatch\.envs\.[\w-]+\.scripts$/.test(table) ? 'hatch run ' : undefined;
      if (runner === undefined) return;
      commands.push({run: `${runner}${entry[1]}`, does: entry[2]!.trim().replace(/^["']|["']$/g, '').slice(0, 140), purpose: purposeOf(entry[1]!), from: {file, line: i + 1}});
    });
  }
  return {commands, problems};
}
