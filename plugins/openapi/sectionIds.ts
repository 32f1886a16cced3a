/**
 * Section ids (folder, docs-plugin id and URL segment) for the API descriptions of a target:
 * `api-` and the slug of the title; several versions of one API get their version appended
 * (`api-petstore-1-0-0`, `api-petstore-2-0-0`); what still collides gets the file's path. Specs come
 * sorted by path, so the same target always gets the same ids.
 */
import path from 'node:path';
import {UserError} from '../core/errors';
import type {SpecSource} from './discoverSpecs';
import {slugify} from './slugs';

export interface SpecIdentity {
  source: SpecSource;
  title?: string;
  version?: string;
}

const MAX_SLUG = 40;

export function assignSectionIds(specs: SpecIdentity[], configFile?: string): string[] {
  const ids: (string | undefined)[] = specs.map(({source}) => source.id);
  const taken = new Set<string>();
  specs.forEach(({source}, index) => {
    if (!source.id) return;
    if (taken.has(source.id)) {
      throw new UserError(`two API descriptions have the section id "${source.id}"`, {
        file: configFile,
        key: `openapi.specs.${index}.id`,
        fix: 'Give each description its own id',
      });
    }
    taken.add(source.id);
  });
  const base = specs.map(({source, title}) => `api-${slugify(title ?? '', MAX_SLUG, 'prose') || slugify(fileStem(source.file), MAX_SLUG) || 'spec'}`);
  const sharing = (index: number) => specs.filter((other, j) => !other.source.id && base[j] === base[index]).length;
  specs.forEach((spec, index) => {
    if (ids[index]) return;
    const sameBase = sharing(index) > 1;
    const candidates = [
      base[index]!,
      ...(sameBase && spec.version ? [`${base[index]}-${slugify(spec.version, 20)}`] : []),
      `${base[index]}-${slugify(spec.source.file.replace(/\.(ya?ml|json)$/i, ''), MAX_SLUG)}`,
    ];
    // When several share a base, none takes the bare base: the versions should read alike.
    const usable = sameBase ? candidates.slice(1) : candidates;
    let id = usable.find((candidate) => !taken.has(candidate) && !candidate.endsWith('-'));
    for (let n = 2; !id; n++) if (!taken.has(`${base[index]}-${n}`)) id = `${base[index]}-${n}`;
    taken.add(id);
    ids[index] = id;
  });
  return ids as string[];
}

function fileStem(file: string): string {
  return path.posix.basename(file).replace(/\.(ya?ml|json)$/i, '');
}
