/**
 * The overview model as one MDX page. Reads nothing but the model; all text goes through the writer.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {writeMdx} from '../core/mdx/writeMdx';
import {heading, inlineCode, jsxText, link, list, paragraph, table, text} from '../core/mdx/build';
import {generatedPageFrontMatter} from '../core/generatedPagePresets';
import type {OverviewModel} from './model';

/**
 * @param lastUpdate the last change of the page's sources (the whole target), shown as the page's
 * "last updated" line; undefined when there is no history.
 */
export function renderOverview(
  model: OverviewModel,
  fileUrl?: (file: string) => string,
  lastUpdate?: {date: string; author: string},
  pageOf?: (file: string) => string | undefined,
): string {
  const fileRef = (file: string): PhrasingContent => {
    const name = fileUrl ? link(fileUrl(file), inlineCode(file)) : inlineCode(file);
    // A file another section documents (an API description, a module) links to that page too.
    const page = pageOf?.(file);
    return page ? jsxText('span', {}, [name, text(' ('), link(page, 'documented here'), text(')')]) : name;
  };
  const children: RootContent[] = [
    heading(1, 'Repository overview'),
    paragraph(
      `What ${model.project.name} is made of, as docs-architect found it: ${model.fileCount} files `,
      'after .gitignore and the usual exclusions (dependencies, build output, vendored code).',
    ),
  ];

  if (model.project.description) children.push(paragraph(model.project.description));

  children.push(heading(2, 'Source control'));
  if (model.git.isRepository) {
    const facts: PhrasingContent[] = [text('Git repository')];
    if (model.git.branch) facts.push(text(', branch '), inlineCode(model.git.branch));
    if (model.git.head) facts.push(text(', commit '), inlineCode(model.git.head.slice(0, 12)));
    if (model.git.shallow) facts.push(text(' (shallow clone: history is incomplete)'));
    if (model.repositoryUrl) facts.push(text(', hosted at '), link(model.repositoryUrl, model.repositoryUrl));
    facts.push(text('.'));
    children.push(paragraph(...facts));
  } else {
    children.push(paragraph('Not a git repository: history, edit links and last-updated dates are not available.'));
  }

  if (model.packages.length > 0) {
    children.push(
      heading(2, 'Packages'),
      table(
        ['Package', 'Version', 'Folder', 'Description'],
        model.packages.map((pkg) => [
          pkg.name ? inlineCode(pkg.name) : '(unnamed)',
          pkg.version ?? '',
          fileRef(pkg.dir ? `${pkg.dir}/package.json` : 'package.json'),
          pkg.description ?? '',
        ]),
      ),
    );
  }
  const otherManifests = model.manifests.filter((manifest) => manifest.ecosystem !== 'npm');
  if (otherManifests.length > 0) {
    children.push(
      heading(2, 'Other manifests'),
      table(['File', 'Ecosystem'], otherManifests.map((m) => [fileRef(m.path), m.ecosystem])),
    );
  }

  if (model.languages.length > 0) {
    children.push(
      heading(2, 'Files by type'),
      table(
        ['Extension', 'Files'],
        model.languages.map((l) => [l.extension ? inlineCode(`.${l.extension}`) : '(none)', String(l.files)]),
      ),
    );
  }

  const fileList = (title: string, files: string[], none: string) => {
    children.push(heading(2, title));
    children.push(files.length > 0 ? list(files.map((file) => [fileRef(file)])) : paragraph(none));
  };
  fileList('TypeScript projects', model.tsconfigs, 'No tsconfig found.');
  fileList('API descriptions', model.specs, 'No OpenAPI or Swagger spec found.');
  fileList('Documentation folders', model.docsDirs, 'No docs folder found.');
  fileList('Decision records', model.adrDirs, 'No ADR folder found.');
  fileList('Container definitions', model.composeFiles, 'No compose file found.');

  children.push(heading(2, 'Configuration from the environment'));
  if (model.envFiles.length === 0) {
    children.push(paragraph('No .env example file found.'));
  } else {
    children.push(paragraph('Variable names only: values are never read into this site.'));
    children.push(
      table(
        ['File', 'Variables'],
        model.envFiles.map((env) => [
          fileRef(env.path),
          env.variables.length > 0 ? env.variables.join(', ') : '(none)',
        ]),
      ),
    );
    const committed = model.envFiles.filter((env) => env.mayHoldSecrets);
    if (committed.length > 0) {
      children.push(
        paragraph(
          'Warning: ',
          ...committed.flatMap((env, i) => [...(i > 0 ? [text(', ')] : []), inlineCode(env.path)]),
          ' is not ignored by git and may hold secrets. Add it to .gitignore and commit an example file instead.',
        ),
      );
    }
  }

  if (model.skippedLinks.length > 0) {
    children.push(heading(2, 'Links not followed'));
    children.push(paragraph('These symbolic links point outside the repository (or nowhere) and were not read:'));
    children.push(list(model.skippedLinks.map((file) => [inlineCode(file)])));
  }

  return writeMdx({
    frontMatter: {
      title: 'Repository overview',
      description: `What ${model.project.name} is made of: packages, languages, specs, docs and configuration.`,
      sidebar_position: 1,
      slug: '/',
      custom_edit_url: null,
      last_update: lastUpdate,
      ...generatedPageFrontMatter('overview'),
    },
    children: [
      ...children,
      paragraph(
        'Generated by docs-architect from the repository\u2019s files at build time; edit the sources, not this page.',
      ),
    ],
  });
}
