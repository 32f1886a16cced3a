/**
 * Env files: example files (`.env.example`, `.env.sample`, `*.env.template`) give each variable's
 * documented value and description; real env files (`.env`, `.env.production`) give only the names
 * they set. A real file's values are read past and dropped on the spot: they never enter the model.
 */
import {looksLikeSecret} from '../../core/secrets';
import type {EnvSetting} from '../model';
import {commentAbove, type Sources} from './sources';

export interface EnvFileEntry {
  name: string;
  setting: EnvSetting;
  description?: string;
}

export async function readEnvFiles(envFiles: readonly {path: string; mayHoldSecrets: boolean}[], sources: Sources): Promise<EnvFileEntry[]> {
  const out: EnvFileEntry[] = [];
  for (const env of envFiles) {
    const text = await sources.read(env.path);
    if (text === undefined) continue;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, i) => {
      const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
      if (!match) return;
      const name = match[1]!;
      const from = {file: env.path, line: i + 1};
      if (env.mayHoldSecrets) {
        out.push({name, setting: {where: env.path, kind: 'env-file', from, hidden: true}});
        return;
      }
      const {value, comment} = splitValue(match[2]!);
      const hidden = value !== '' && looksLikeSecret({name, value});
      out.push({
        name,
        setting: {where: env.path, kind: 'env-example', from, value: hidden ? undefined : value, hidden: hidden || undefined},
        description: comment ?? commentAbove(lines, i),
      });
    });
  }
  return out;
}

/** `value # comment`, with quotes: the value without its quotes and the trailing comment. */
function splitValue(raw: string): {value: string; comment?: string} {
  const quoted = /^(['"])((?:\\.|(?!\1).)*)\1\s*(?:#\s*(.*))?$/.exec(raw.trim());
  if (quoted) return {value: quoted[2]!, comment: quoted[3]?.trim() || undefined};
  const hash = raw.search(/\s#/);
  return hash < 0 ? {value: raw.trim()} : {value: raw.slice(0, hash).trim(), comment: raw.slice(hash).replace(/^\s*#\s*/, '').trim() || undefined};
}
