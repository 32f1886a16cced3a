/**
 * Which hand-written pages of the target make its Guides section, and where each one sits in the
 * section. Users of a repository read its README first, then the guides beside it (CONTRIBUTING,
 * development.md, deployment.md...), each package's README, and its docs folder; the section holds
 * all of them, so a repository whose only docs are top-level Markdown files still gets guides.
 *
 * Pure: it works on the file list discovery made (already `.gitignore`d and free of links out), so
 * it reads nothing and is tested without a file system.
 */
import path from 'node:path';

/** One page of the section: where it comes from in the target and where it goes in the staged copy. */
export interface GuidePage {
  /** Relative POSIX path in the target. */
  source: string;
  /** Relative POSIX path in the staging area (which mirrors the target: docs folder pages keep theirs). */
  staged: string;
  /** What the page is, for its place in the sidebar: the README comes first. */
  role: 'readme' | 'guide' | 'package-readme' | 'docs';
}

export interface GuidePlan {
  /** The folder of the staging area the docs instance reads, relative to the staging root. */
  sectionFolder: string;
  /** Pages outside the docs folder, placed in `sectionFolder`; the docs folder's own pages are walked by the stager. */
  pages: GuidePage[];
}

const README = /^readme\.mdx?$/i;
/** Top-level Markdown that is not a guide: licences, templates, the changelog (the History section has it). */
const NOT_GUIDES = [
  /^(licen[cs]e|copying|notice|patents)([.-]|$)/i,
  /template/i,
  /^(changelog|changes|history|news|releases?|release[-_ ]?notes)([.-]|$)/i,
  /(^|[.-])gen(erated)?\.mdx?$/i,
];
/** Folders for the section when the target has no docs folder, in order of preference. */
const SECTION_NAMES = ['docs', 'guides', 'docs-architect-guides'];

export interface GatherInput {
  /** Every file discovery kept, relative POSIX paths. */
  files: readonly string[];
  /** The docs folder (relative POSIX), if the target has one. */
  docsRel?: string;
  /** Folders of the workspace packages ('' for the root). */
  packageDirs: readonly string[];
}

export function gatherGuides(input: GatherInput): GuidePlan {
  const {files, docsRel} = input;
  const sectionFolder = docsRel ?? freeFolder(files);
  const taken = new Set(files.filter((file) => file.startsWith(`${sectionFolder}/`)).map((file) => file.slice(sectionFolder.length + 1).toLowerCase()));
  const pages: GuidePage[] = [];
  const place = (source: string, wanted: string, role: GuidePage['role']) => {
    // A page of the docs folder keeps its place; an outside page that would clash goes one folder down.
    let relative = wanted;
    if (taken.has(relative.toLowerCase()) || taken.has(relative.replace(/\.mdx?$/i, '.md').toLowerCase()) || taken.has(relative.replace(/\.mdx?$/i, '.mdx').toLowerCase())) {
      relative = `repository/${wanted}`;
    }
    taken.add(relative.toLowerCase());
    pages.push({source, staged: `${sectionFolder}/${relative}`, role});
  };
  const topLevel = files.filter((file) => !file.includes('/') && /\.mdx?$/i.test(file));

  const readme = topLevel.find((file) => README.test(file));
  if (readme) {
    // A README (or index) at the section's root is its home page; when the docs folder has its own, the README is a named page.
    const hasHome = [...taken].some((file) => /^(index|readme)\.mdx?$/.test(file));
    place(readme, hasHome ? `project-readme${path.posix.extname(readme)}` : readme, 'readme');
  }
  for (const file of topLevel) {
    if (file === readme || NOT_GUIDES.some((pattern) => pattern.test(file))) continue;
    place(file, file, 'guide');
  }
  for (const dir of [...input.packageDirs].sort()) {
    if (dir === '' || (docsRel && (dir === docsRel || dir.startsWith(`${docsRel}/`)))) continue;
    const own = files.filter((file) => path.posix.dirname(file) === dir && README.test(path.posix.basename(file))).sort()[0];
    if (own) place(own, own, 'package-readme');
  }
  return {sectionFolder, pages};
}

/** A folder name for the section that no top-level file or folder of the target uses (the staging area mirrors the target). */
function freeFolder(files: readonly string[]): string {
  const used = new Set(files.map((file) => file.split('/')[0]!.toLowerCase()));
  return SECTION_NAMES.find((name) => !used.has(name)) ?? `docs-architect-guides-${used.size}`;
}
