/**
 * The build-time check of every page's audience front matter, run by prepareSite before Docusaurus
 * starts: each Markdown file of each section is read with gray-matter and validated, and each
 * problem becomes a warning with file, line, field and fix. In strict mode prepareSite then fails
 * the build with all of them at once, before any bundling.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import type {SiteCheck} from '../core/types';
import {createFrontMatterSchema, validateFrontMatter, type FrontMatterProblem} from './frontMatterSchema';
import {problemId, problemToError} from './problemToError';
import {createVocabulary, EVERYONE} from './vocabulary';

export interface FileProblems {
  file: string;
  content: string;
  problems: FrontMatterProblem[];
}

/** Markdown files the docs plugin serves: `.md`/`.mdx`, not under a `_`-prefixed name (partials). */
export async function listDocFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('_')))
    .sort();
}

export interface FrontMatterCheck extends SiteCheck {
  /** Pages tagged for some audience other than everyone in the last run: the config shows audience navigation only when there are some. */
  readonly taggedPages: number;
}

export function createFrontMatterCheck(reported: Set<string>): FrontMatterCheck {
  let taggedPages = 0;
  return {
    id: 'audience-front-matter',
    get taggedPages() {
      return taggedPages;
    },
    async check(context, sections) {
      const schema = createFrontMatterSchema(createVocabulary(context.config.audiences));
      taggedPages = 0;
      for (const section of sections) {
        for (const file of await listDocFiles(section.path)) {
          const content = await fs.readFile(file, 'utf8');
          let data: Record<string, unknown>;
          try {
            // The options object turns gray-matter's cache off: the cache would keep every file.
            data = matter(content, {}).data;
          } catch {
            continue; // broken YAML: Docusaurus reports it with its own message
          }
          const {value, problems} = validateFrontMatter(data, schema);
          // Pages for everyone (the generated overview, say) give no reader a path of their own.
          if (value.audience?.all.some((id) => id !== EVERYONE)) taggedPages++;
          for (const problem of problems) {
            const id = problemId(file, problem);
            if (reported.has(id)) continue;
            reported.add(id);
            // The authored section is a staged copy: name the file the author edits.
            const error = problemToError(problem, section.source ? path.join(section.source, path.relative(section.path, file)) : file, content);
            context.report.warn(error.message, error.details);
          }
        }
      }
    },
  };
}
