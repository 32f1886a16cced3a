/**
 * Dockerfiles by their instructions, one logical line at a time (backslash continuations joined,
 * comments and parser directives skipped): stages (`FROM … AS name`), `EXPOSE`, `USER`,
 * `HEALTHCHECK`, `CMD`/`ENTRYPOINT` and `ENV`/`ARG` names. A line that starts with no known
 * instruction is a problem at its line; the rest of the file is still read. Heredocs (`<<EOF`) are
 * skipped to their terminator. Why a line reader and not a library: docs/adr/0039.
 */
import path from 'node:path';
import {looksLikeSecret} from '../../core/secrets';
import type {Dockerfile, EnvSetting} from '../model';
import type {Sources} from './sources';
import type {Problem} from './yamlFile';

const INSTRUCTIONS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

export function isDockerfile(file: string): boolean {
  const base = path.posix.basename(file);
  return /^(Dockerfile|Containerfile)(\.[\w.-]+)?$/.test(base) || /\.(Dockerfile|dockerfile)$/.test(base);
}

export interface DockerFacts {
  dockerfiles: Dockerfile[];
  settings: {name: string; setting: EnvSetting}[];
  problems: Problem[];
}

export async function readDockerfiles(sources: Sources): Promise<DockerFacts> {
  const facts: DockerFacts = {dockerfiles: [], settings: [], problems: []};
  for (const file of sources.files.filter(isDockerfile)) {
    const text = await sources.read(file);
    if (text !== undefined) parseDockerfile(file, text, facts);
  }
  return facts;
}

/** Logical lines: continuations joined, with the line each starts on. */
function logicalLines(text: string): {text: string; line: number}[] {
  const lines = text.split(/\r?\n/);
  const out: {text: string; line: number}[] = [];
  let escape = '\\';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const directive = /^#\s*escape\s*=\s*(\S)/i.exec(raw);
    if (directive && out.length === 0) escape = directive[1]!;
    if (/^\s*(#|$)/.test(raw)) continue;
    const start = i;
    let joined = raw;
    while (joined.trimEnd().endsWith(escape) && i + 1 < lines.length) {
      joined = joined.trimEnd().slice(0, -1);
      i++;
      // Comment and blank lines inside a continuation are dropped, and the continuation goes on, as Docker does.
      while (/^\s*(#|$)/.test(lines[i]!) && i + 1 < lines.length) i++;
      joined += ` ${lines[i]!.trim()}`;
    }
    const heredoc = /<<-?\s*["']?(\w+)["']?/.exec(joined);
    if (heredoc && /^\s*(RUN|COPY|ADD)\b/i.test(joined)) {
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== heredoc[1]) i++;
      i++;
    }
    out.push({text: joined.trim(), line: start + 1});
  }
  return out;
}

export function parseDockerfile(file: string, text: string, facts: DockerFacts): void {
  const result: Dockerfile = {file, stages: [], expose: []};
  for (const {text: line, line: number} of logicalLines(text)) {
    const match = /^(\w+)\s*(.*)$/.exec(line);
    const instruction = match?.[1]!.toUpperCase();
    if (!match || !instruction || !INSTRUCTIONS.has(instruction)) {
      facts.problems.push({file, line: number, message: `not a Dockerfile instruction: ${JSON.stringify(line.slice(0, 40))}`});
      continue;
    }
    const args = match[2]!.trim();
    switch (instruction) {
      case 'FROM': {
        const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(args);
        if (from) result.stages.push({base: from[1]!, name: from[2], line: number});
        break;
      }
      case 'EXPOSE':
        for (const port of args.split(/\s+/).filter(Boolean)) result.expose.push({port, line: number});
        break;
      case 'USER':
        result.user = {value: args, line: number};
        break;
      case 'HEALTHCHECK':
        result.healthcheck = {command: args.replace(/^(--\S+\s+)*/, '').replace(/^CMD\s+/i, ''), line: number};
        break;
      case 'CMD':
      case 'ENTRYPOINT':
        result.cmd = {value: `${instruction} ${args}`, line: number};
        break;
      case 'ENV':
      case 'ARG':
        for (const [name, value] of envPairs(args, instruction)) {
          const hidden = value !== undefined && looksLikeSecret({name, value});
          facts.settings.push({name, setting: {where: `${file} (${instruction})`, kind: 'dockerfile', from: {file, line: number}, value: hidden ? undefined : value, hidden: hidden || undefined}});
        }
        break;
      default:
        break;
    }
  }
  facts.dockerfiles.push(result);
}

/** `ENV A=1 B="two"` or the old `ENV A 1`; `ARG NAME[=default]`. */
function envPairs(args: string, instruction: string): [string, string | undefined][] {
  if (instruction === 'ENV' && !/^\S+=/.test(args)) {
    const [name, ...rest] = args.split(/\s+/);
    return name ? [[name, rest.join(' ')]] : [];
  }
  return [...args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("(?:\\.|[^"])*"|'[^']*'|\S*))?/g)].map((m) => [m[1]!, m[2]?.replace(/^["']|["']$/g, '')]);
}
