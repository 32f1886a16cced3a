/**
 * Which of the target's files the application extractors read, and reading them: code files only,
 * tests and stories kept apart (they give examples, never components or routes), generated files,
 * fixtures and files over MAX_FILE_BYTES left out. A cheap text test decides whether a file is
 * parsed at all, so a library of a thousand modules costs a read per file and few parses.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import {MODEL_FOLDER} from './models';
import {scriptOnly, SFC_FILE, templateTags} from './singleFileComponents';
import {parseSource, type ParsedFile} from './syntax';
import {STORY_FILE, TEST_FILE} from './usage';

export const CODE_FILE = /\.(tsx?|jsx?|mjs|cjs|mts|cts|vue|svelte)$/;
const NOT_SOURCE = /\.d\.[cm]?ts$|\.gen\.|\.min\.js$|(^|\/)(__generated__|__fixtures__|__mocks__|fixtures|vendor)\//;
export const MAX_FILE_BYTES = 1024 * 1024;

const JSX_TEXT = /<\/|\/>/;
const ROUTER_TEXT = /['"](express|fastify|koa|@koa\/router|koa-router|hono|@nestjs\/common|@nestjs\/core)['"]|FastifyInstance/;
const ENTITY_TEXT = /@(Entity|Schema|Table|ObjectType)\(/;

export type FileRole = 'source' | 'story' | 'test';

export interface ReadFile extends ParsedFile {
  role: FileRole;
  /** A Vue or Svelte file's template tags (its script is what `source` holds). */
  tags?: string[];
}

export function roleOf(file: string): FileRole {
  return STORY_FILE.test(file) ? 'story' : TEST_FILE.test(file) ? 'test' : 'source';
}

export function isCandidate(file: string): boolean {
  return CODE_FILE.test(file) && !NOT_SOURCE.test(file);
}

/** Whether a file's text is worth a parse, for the role it has (Next.js files are asked for by path). */
export function worthParsing(file: string, text: string, role: FileRole): boolean {
  if (SFC_FILE.test(file)) return true;
  // A CSF story is often plain objects (`{args: {…}}`), without any JSX.
  if (role === 'story') return true;
  // Only .tsx and JavaScript files can hold JSX (in a .ts file `<T>` is a type assertion).
  const mayHoldJsx = /\.[cm]?[jt]sx$/.test(file) || (/\.[cm]?js$/.test(file) && JSX_TEXT.test(text));
  if (role === 'test') return mayHoldJsx;
  return mayHoldJsx || ROUTER_TEXT.test(text) || MODEL_FOLDER.test(file) || ENTITY_TEXT.test(text);
}

export async function readText(root: string, file: string): Promise<string | {skipped: string}> {
  const absolute = path.join(root, file);
  try {
    const stat = await fs.stat(absolute);
    if (stat.size > MAX_FILE_BYTES) return {skipped: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`};
    return await fs.readFile(absolute, 'utf8');
  } catch (error) {
    // Gone or unreadable since the walk (an editor's temporary file): the rest is still read.
    return {skipped: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`};
  }
}

export function parseRead(file: string, text: string): ReadFile {
  if (SFC_FILE.test(file)) return {...parseSource(file, scriptOnly(text)), role: roleOf(file), tags: templateTags(text)};
  return {...parseSource(file, text), role: roleOf(file)};
}
