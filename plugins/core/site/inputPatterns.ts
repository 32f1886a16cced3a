/**
 * Patterns of target files that several generators declare as inputs (SectionInputs.files,
 * docs/adr/0058), in gitignore syntax: `*.ts` matches at any depth.
 */

/** Source code of the languages the generators read. */
export const SOURCE_FILES = ['*.ts', '*.tsx', '*.mts', '*.cts', '*.js', '*.jsx', '*.mjs', '*.cjs', '*.vue', '*.svelte', '*.astro', '*.py', '*.pyi'];

/** Manifests and compiler settings. */
export const MANIFEST_FILES = ['package.json', 'package-lock.json', 'tsconfig*.json', 'jsconfig*.json', 'pyproject.toml', 'setup.py', 'setup.cfg', 'requirements*.txt'];

/** Data files a generator sniffs for what it knows (specs, compose files, Kubernetes manifests). */
export const DATA_FILES = ['*.json', '*.yaml', '*.yml', '*.toml'];

/** Markdown, as authored pages, READMEs, changelogs and decision records are written. */
export const MARKDOWN_FILES = ['*.md', '*.mdx', '*.markdown'];
