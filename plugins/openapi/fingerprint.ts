/**
 * A hash of the code that turns a description into pages: this plugin's sources, the MDX writer, and
 * the versions of the libraries that validate and convert. Cache entries carry it, so any change to
 * the code (or an upgrade) regenerates, with no version number for anyone to forget to bump.
 */
import fs from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {hashContent} from '../core/contentCache';

const SOURCE_DIRS = [__dirname, path.join(__dirname, '..', 'core', 'mdx'), path.join(__dirname, '..', 'core', 'markdown')];
const LIBRARIES = ['@redocly/openapi-core', 'swagger2openapi', 'mdast-util-to-markdown', 'mdast-util-from-markdown'];

let memo: string | undefined;

export function codeFingerprint(): string {
  memo ??= computeFingerprint();
  return memo;
}

function computeFingerprint(): string {
  const parts: string[] = [];
  for (const dir of SOURCE_DIRS) {
    for (const file of listSources(dir)) parts.push(file, fs.readFileSync(file, 'utf8'));
  }
  const localRequire = createRequire(__filename);
  for (const library of LIBRARIES) parts.push(library, libraryVersion(localRequire, library));
  return hashContent(...parts);
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSources(full));
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

function libraryVersion(localRequire: NodeJS.Require, library: string): string {
  // Found from the entry point: some of these packages export no package.json.
  let dir = path.dirname(localRequire.resolve(library));
  while (dir !== path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {name?: string; version?: string};
      if (parsed.name === library) return parsed.version ?? 'unknown';
    }
    dir = path.dirname(dir);
  }
  return 'unknown';
}
