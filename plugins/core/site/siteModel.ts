/**
 * docs-architect.json: the whole site as one versioned JSON document — the project, every section
 * with its model, and the link index — written at the site's root on every build, with its JSON
 * Schema beside it. Keys are sorted at every level, so the same target gives the same bytes.
 * SITE_MODEL_VERSION changes whenever the shape does, including any section model's version
 * (docs/adr/0029).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {writeAtomic} from '../atomicWrite';
import type {LinkEntry, SectionModel, SiteSection, TargetContext} from '../types';
import type {Generated} from './generateSections';
import type {Registry} from './registry';

export const SITE_MODEL_VERSION = 4;
export const SITE_MODEL_FILE = 'docs-architect.json';
export const SITE_SCHEMA_FILE = 'docs-architect.schema.json';
/** The files this module writes at the root of the static tree, which prepareSite must keep. */
export const SITE_FILES = [SITE_MODEL_FILE, SITE_SCHEMA_FILE];
export const SCHEMA_PATH = path.join(__dirname, SITE_SCHEMA_FILE);

export interface SiteModelSection {
  id: string;
  /** `authored` for the hand-written docs, else the generator's id (`overview`, `openapi`...). */
  kind: string;
  title: string;
  description: string;
  /** Route from the site's root, e.g. `/history/`. */
  route: string;
  model?: SectionModel;
}

export interface SiteModel {
  $schema: string;
  version: typeof SITE_MODEL_VERSION;
  project: {name: string; version?: string; description?: string; repository?: string; commit?: string; branch?: string};
  sections: SiteModelSection[];
  links: (LinkEntry & {section: string})[];
}

export function createSiteModel(context: TargetContext, sections: SiteSection[], generated: Generated[], registry: Registry): SiteModel {
  const byId = new Map(generated.map((entry) => [entry.section.id, entry]));
  return {
    $schema: `./${SITE_SCHEMA_FILE}`,
    version: SITE_MODEL_VERSION,
    project: withoutUndefined({
      name: context.project.name,
      version: context.project.version,
      description: context.project.description,
      repository: registry.repo.webUrl,
      commit: context.git.head,
      branch: context.git.branch,
    }),
    sections: sections.map((section) => {
      const entry = byId.get(section.id);
      const model = entry && (entry.generator.publish?.(entry.section.model) ?? entry.section.model);
      return withoutUndefined({
        id: section.id,
        kind: entry ? entry.generator.id : 'authored',
        title: section.title,
        description: section.description,
        route: `/${section.to}`,
        model,
      });
    }),
    links: registry.entries(),
  };
}

export function serializeSiteModel(model: SiteModel): string {
  return sortedJson(model);
}

/** JSON with the keys of every object sorted; `undefined` members dropped as JSON.stringify does. */
export function sortedJson(model: unknown): string {
  return `${JSON.stringify(model, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  })}\n`;
}

/** Writes the model and its schema into the static tree; files that did not change are left alone. */
export async function writeSiteFiles(staticDir: string, model: SiteModel): Promise<void> {
  await fs.mkdir(staticDir, {recursive: true});
  const files: [string, string][] = [
    [SITE_MODEL_FILE, serializeSiteModel(model)],
    [SITE_SCHEMA_FILE, await fs.readFile(SCHEMA_PATH, 'utf8')],
  ];
  for (const [name, content] of files) {
    const file = path.join(staticDir, name);
    if ((await fs.readFile(file, 'utf8').catch(() => undefined)) === content) continue;
    // Written whole and renamed: a server reading it never sees half a file.
    await writeAtomic(file, content);
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
