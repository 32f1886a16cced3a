/**
 * The `markdown.parseFrontMatter` hook: every Markdown file Docusaurus reads goes through it. For the
 * pages of the site's docs sections it validates the audience fields (a problem not yet reported is
 * a warning, or in strict mode an error), computes the page's facts (reading time, review due) and
 * hands them to the theme in the front matter: the facts under `docs_architect`, the audiences in
 * `sidebar_custom_props.audience`, which Docusaurus copies onto the page's sidebar link.
 */
import type {ParseFrontMatter} from '@docusaurus/types';
import {createFrontMatterSchema, validateFrontMatter, type NormalizedFrontMatter} from './frontMatterSchema';
import {computePageFacts} from './pageFacts';
import {problemId, problemToError} from './problemToError';
import {isInside} from '../core/resolveTarget';
import {formatUserError, isUserError, type UserError} from '../core/errors';
import {MAX_YAML_BYTES, parseYaml} from '../core/parseYaml';
import {today} from './reviewDue';
import {FACTS_KEY} from './types';
import type {Vocabulary} from './vocabulary';

export interface ParseFrontMatterOptions {
  vocabulary: Vocabulary;
  /** Absolute folders of the docs sections; other Markdown (pages, partials elsewhere) is left alone. */
  docsDirs: string[];
  strict: boolean;
  /** Shared with the build-time check, so a problem is reported once. */
  reported: Set<string>;
  wordsPerMinute?: number;
  now?: () => Date;
  warn?: (message: string) => void;
  /** The file an author edits for a file Docusaurus reads (the authored docs are a staged copy). */
  sourceOf?: (file: string) => string;
}

export function createParseFrontMatter(options: ParseFrontMatterOptions): ParseFrontMatter {
  const schema = createFrontMatterSchema(options.vocabulary);
  const warn = options.warn ?? ((message: string) => console.warn(message));
  return async (params) => {
    // Docusaurus reads front matter with js-yaml, which shares aliased nodes; a bomb would then be
    // written out in full when the page's metadata is serialised. Core's parser refuses it first.
    const refused = refuseAliasBomb(params.fileContent, params.filePath);
    if (refused) {
      if (options.strict) throw refused;
      warn(`warning: ${formatUserError(refused)}`);
      return {frontMatter: {}, content: params.fileContent.slice(FRONT_MATTER.exec(params.fileContent)![0].length)};
    }
    const result = await params.defaultParseFrontMatter(params);
    if (!options.docsDirs.some((dir) => isInside(dir, params.filePath))) return result;

    const {value, problems} = validateFrontMatter(result.frontMatter, schema);
    for (const problem of problems) {
      const error = problemToError(problem, options.sourceOf?.(params.filePath) ?? params.filePath, params.fileContent);
      if (options.strict) throw error;
      const id = problemId(params.filePath, problem);
      if (options.reported.has(id)) continue;
      options.reported.add(id);
      warn(`warning: ${formatUserError(error)}`);
    }
    attachFacts(result.frontMatter, value, result.content, options);
    return result;
  };
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** The guarded parser's complaint about the front matter's size or aliases; syntax is left to Docusaurus. */
function refuseAliasBomb(content: string, file: string): UserError | undefined {
  const yaml = FRONT_MATTER.exec(content)?.[1];
  // Only a front matter with an anchor can alias, or one past the cap be too big: the rest costs nothing.
  if (yaml === undefined || (!yaml.includes('&') && yaml.length <= MAX_YAML_BYTES / 4)) return undefined;
  try {
    parseYaml(yaml, {file, firstLine: 2, uniqueKeys: false});
  } catch (error) {
    if (isUserError(error) && !error.message.startsWith('cannot parse the file')) return error;
  }
  return undefined;
}

function attachFacts(
  frontMatter: Record<string, unknown>,
  value: NormalizedFrontMatter,
  body: string,
  options: ParseFrontMatterOptions,
): void {
  const facts = computePageFacts(value, body, {wordsPerMinute: options.wordsPerMinute, today: today(options.now?.())});
  frontMatter[FACTS_KEY] = facts;
  // Docusaurus validates tags itself and would stop the build on a single string: pass the list.
  if (value.tags) frontMatter.tags = value.tags;
  else delete frontMatter.tags;
  if (facts.audience.length > 0) {
    const own = frontMatter.sidebar_custom_props;
    frontMatter.sidebar_custom_props = {...(own && typeof own === 'object' ? own : {}), audience: facts.audience};
  }
}

