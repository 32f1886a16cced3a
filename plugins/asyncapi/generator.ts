/**
 * The AsyncAPI reference: one section per description (2.x or 3.x, YAML or JSON), found by its
 * `asyncapi` root key with no config. Reads top to bottom: discover → parse and validate with
 * `@asyncapi/parser` → model → render; an unreadable description gets an error page, an invalid one
 * is built with warnings (ADR 0020), and strict mode fails on either.
 */
import path from 'node:path';
import {API_NAVBAR_GROUP} from '../core/apiNavbarGroup';
import {formatUserError, UserError} from '../core/errors';
import type {ExtractedSection, LinkEntry, SectionGenerator, TargetContext} from '../core/types';
import {createAsyncApiParser, discoverAsyncApi, loadAsyncApi, type LoadedAsyncApi} from './loadAsyncApi';
import {ASYNCAPI_MODEL_VERSION, type AsyncApiSectionModel} from './model';
import {DATA_FILES} from '../core/site/inputPatterns';

export const asyncapiGenerator: SectionGenerator<AsyncApiSectionModel> = {
  id: 'asyncapi',
  // Every YAML or JSON file is looked at for an `asyncapi:` document.
  inputs: () => ({files: DATA_FILES, inventory: ['files']}),
  async extract(context) {
    const files = await discoverAsyncApi(context);
    if (files.length === 0) return undefined;
    const {extractModel} = await import('./extractModel');
    const blocked: {ref: string}[] = [];
    const parser = await createAsyncApiParser(context.root, blocked);
    const ids = new Set<string>();
    const sections: ExtractedSection<AsyncApiSectionModel>[] = [];
    for (const file of files) {
      const loaded = await loadAsyncApi(context.root, file, parser, blocked);
      const messages = reportProblems(context, loaded);
      const watch = [...new Set([file, ...loaded.problems.map((problem) => problem.file)])].map((f) => path.join(context.root, f));
      if (!loaded.document) {
        const title = path.posix.basename(file);
        sections.push({
          id: sectionId(title, files.length, ids),
          title,
          description: `This AsyncAPI description could not be read: ${loaded.problems[0]?.message ?? 'unknown error'}.`,
          model: {version: ASYNCAPI_MODEL_VERSION, state: 'error', file, title, messages},
          watch,
          navbarGroup: API_NAVBAR_GROUP,
        });
        continue;
      }
      const model = extractModel(loaded.document, file, messages);
      sections.push({
        id: sectionId(model.title, files.length, ids),
        title: model.title,
        description: `Event-driven API reference: ${model.channels.length} channels, ${model.operations.length} operations, from ${file}.`,
        model,
        watch,
        navbarGroup: API_NAVBAR_GROUP,
      });
    }
    return sections;
  },
  index({id, model}) {
    if (model.state !== 'ok') return [{kind: 'file', key: model.file, url: `/${id}/`, title: model.title}];
    const entries: LinkEntry[] = [{kind: 'file', key: model.file, url: `/${id}/`, title: model.title}];
    const seen = new Set<string>();
    for (const channel of model.channels) {
      const page = `/${id}/channels/${channel.slug}/`;
      entries.push({kind: 'page', key: `${id}/channels/${channel.id}`, url: page, title: channel.id});
      for (const message of channel.messages) {
        // A message used on several channels answers with its first page.
        if (seen.has(message.name)) continue;
        seen.add(message.name);
        entries.push({kind: 'schema', key: `${id}/${message.name}`, url: `${page}#${message.anchor}`, title: message.title ?? message.name});
      }
    }
    const slugOf = new Map(model.channels.map((channel) => [channel.id, channel.slug]));
    for (const operation of model.operations) {
      const slug = slugOf.get(operation.channel);
      if (slug) entries.push({kind: 'operation', key: `${id}/${operation.id}`, url: `/${id}/channels/${slug}/#${operation.anchor}`, title: operation.id});
    }
    return entries;
  },
  async render({id, model}, site) {
    const {renderAsyncApi, renderAsyncApiError} = await import('./renderAsyncApi');
    return {files: model.state === 'ok' ? renderAsyncApi(id, model, site) : renderAsyncApiError(model)};
  },
};

function reportProblems(context: TargetContext, loaded: LoadedAsyncApi): string[] {
  const fix = loaded.document ? 'Fix the description; its pages are built anyway' : 'Fix the description; until then its section shows this error';
  return loaded.problems.map((problem) => {
    const message = `${loaded.document ? 'invalid' : 'cannot build the'} AsyncAPI description${loaded.document ? '' : ' reference'}: ${problem.message}`;
    context.report.warn(message, {file: path.resolve(context.root, problem.file), line: problem.line, key: problem.key, fix});
    return formatUserError(new UserError(message, {file: problem.file, line: problem.line, key: problem.key, fix}));
  });
}

/** `events` for a repository's one description; else `events-<title>`, numbered on a clash. */
function sectionId(title: string, count: number, taken: Set<string>): string {
  const base = count === 1 ? 'events' : `events-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'api'}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
