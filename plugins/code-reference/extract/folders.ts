/**
 * What each folder of an application holds, for its module index: the first paragraph of the
 * folder's README, else the summary of the first module comment among its files. An app is organised
 * by folder (`components/`, `routes/`, `models/`), so that is how its reader looks for things.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {CodeReferenceModel, FolderModel} from '../model';

/** A README's first paragraph is a summary; past this it is cut at a word. */
const SUMMARY_MAX = 300;

export function addFolders(model: CodeReferenceModel, root: string, files: Set<string>): void {
  const containers = new Map(model.containers.map((container) => [container.id, container]));
  // A file's first doc comment: its module comment, else that of its first documented declaration.
  const firstComment = new Map<string, {line: number; summary: string}>();
  for (const symbol of model.symbols) {
    const summary = symbol.doc?.summary;
    const known = firstComment.get(symbol.file);
    if (summary && !summary.includes('\uE000') && (!known || symbol.line < known.line)) firstComment.set(symbol.file, {line: symbol.line, summary});
  }
  const readmes = new Map<string, string>();
  for (const file of files) {
    if (/(^|\/)readme\.md$/i.test(file)) readmes.set(path.posix.dirname(file), file);
  }
  for (const pkg of model.packages) {
    if (!pkg.app) continue;
    const byFolder = new Map<string, string | undefined>();
    for (const id of pkg.containers) {
      const container = containers.get(id);
      if (!container || container.kind !== 'module' || !container.file) continue;
      const folder = folderOf(container.file, pkg.dir);
      if (!byFolder.has(folder) || byFolder.get(folder) === undefined) byFolder.set(folder, byFolder.get(folder) ?? container.doc?.summary ?? firstComment.get(container.file)?.summary);
    }
    const folders: FolderModel[] = [...byFolder.keys()].sort().map((folder) => {
      const readme = readmes.get(path.posix.join(pkg.dir, folder) || '.');
      // The package's own README is the project's introduction, not a note on its top folder.
      const summary = (readme && folder !== '' ? firstParagraph(path.join(root, readme)) : undefined) ?? firstSentences(byFolder.get(folder));
      return summary ? {path: folder, summary} : {path: folder};
    });
    if (folders.length > 0) pkg.folders = folders;
  }
}

export function folderOf(file: string, packageDir: string): string {
  const relative = packageDir ? file.slice(packageDir.length + 1) : file;
  const folder = path.posix.dirname(relative);
  return folder === '.' ? '' : folder;
}

/** The first paragraph of prose: headings, badges, HTML, front matter and code are skipped. */
function firstParagraph(file: string): string | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  } catch {
    return undefined;
  }
  let inFence = false;
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    const trimmed = block.trim();
    const fences = (trimmed.match(/^\s*(```|~~~)/gm) ?? []).length;
    const wasInFence = inFence;
    if (fences % 2 === 1) inFence = !inFence;
    if (wasInFence || fences > 0 || !trimmed || /^(#|<|!\[|\[!\[|---|\||>)/.test(trimmed)) continue;
    return firstSentences(trimmed.replace(/\s+/g, ' '));
  }
  return undefined;
}

function firstSentences(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SUMMARY_MAX) return flat;
  const cut = flat.slice(0, SUMMARY_MAX);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX / 2))}…`;
}
