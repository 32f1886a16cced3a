/**
 * The configuration reference: an index of every variable and the differences with the example env
 * files, then one page per unit (a package, a service folder) with each variable it reads: where
 * (every place, file:line), its default, whether it is required, its description and who sets it.
 * Values that may be secret never reach these pages: the model holds none.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, headingWithId, inlineCode, link, list, paragraph, strong, table, text} from '../../core/mdx/build';
import {writeMdx} from '../../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../../core/generatedPagePresets';
import {HIDDEN_SECRET} from '../../core/secrets';
import type {SiteView} from '../../core/types';
import type {EnvRead, EnvSetting, EnvVariable, OperationsModel, Unit} from '../model';
import {GENERATED_NOTE, joined, pageKit, SET_HIDDEN, type PageKit} from './facts';

export const CONFIG_DIR = 'configuration';

/** The anchor of a variable on its unit's page. */
export const envAnchor = (name: string) => `env-${name}`;

/** Where a variable is documented: the page of the first unit that reads it. */
export function envRoute(sectionId: string, variable: Pick<EnvVariable, 'name' | 'units'>): string {
  const unit = variable.units[0];
  return unit ? `/${sectionId}/${CONFIG_DIR}/${unit}#${envAnchor(variable.name)}` : `/${sectionId}/${CONFIG_DIR}/`;
}

const defaultOf = (read: EnvRead): PhrasingContent => (read.defaultHidden ? text(HIDDEN_SECRET) : read.default !== undefined ? inlineCode(read.default) : text('none'));

function settingCell(setting: EnvSetting): PhrasingContent[] {
  if (setting.ref) return [inlineCode(setting.ref)];
  if (setting.hidden) return [text(SET_HIDDEN)];
  return setting.value === undefined || setting.value === '' ? [text('(empty)')] : [inlineCode(setting.value)];
}

function variableBlock(variable: EnvVariable, kit: PageKit): RootContent[] {
  const blocks: RootContent[] = [headingWithId(3, envAnchor(variable.name), inlineCode(variable.name))];
  const facts: PhrasingContent[] = [strong(variable.required ? 'Required' : 'Optional')];
  if (variable.secret) facts.push(text(' \u00b7 secret: supply it from a secret store, never commit it'));
  facts.push(text('.'));
  if (variable.description) facts.push(text(` ${variable.description}`));
  blocks.push(paragraph(...facts));
  blocks.push(
    table(
      ['Read at', 'How', 'Default in code', 'Fails without it'],
      variable.reads.map((read) => [kit.at(read), [inlineCode(read.via), ...(read.type ? [text(' '), inlineCode(read.type)] : [])], defaultOf(read), read.required ? 'yes' : 'no']),
    ),
  );
  if (variable.settings.length > 0) {
    blocks.push(paragraph('Set in:'), table(['Where', 'Value', 'Line'], variable.settings.map((s) => [s.where, settingCell(s), kit.at(s.from)])));
  }
  return blocks;
}

export function renderConfigurationIndex(model: OperationsModel, sectionId: string, site: SiteView): string {
  const kit = pageKit(site);
  const children: RootContent[] = [
    heading(1, 'Configuration reference'),
    paragraph(`Every environment variable the code of ${model.project} reads: ${model.variables.length} in all. A value found in a real env file, a compose \`environment:\`, a Kubernetes manifest or a default that looks like a secret is shown as "${SET_HIDDEN}".`),
  ];
  if (model.variables.length > 0) {
    children.push(
      table(
        ['Variable', 'Read by', 'Required', 'Default', 'Read at'],
        model.variables.map((v) => [
          link(envRoute(sectionId, v), inlineCode(v.name)),
          joined(v.units.map((slug) => link(`/${sectionId}/${CONFIG_DIR}/${slug}`, model.units.find((u) => u.slug === slug)?.name ?? slug))),
          v.required ? 'yes' : 'no',
          v.reads.some((r) => r.defaultHidden) ? HIDDEN_SECRET : v.reads.find((r) => r.default !== undefined)?.default ?? '',
          [kit.at(v.reads[0]!), ...(v.reads.length > 1 ? [text(` and ${v.reads.length - 1} more`)] : [])],
        ]),
      ),
    );
  } else {
    children.push(paragraph('No code that reads environment variables was found.'));
  }
  children.push(heading(2, 'Differences with the example files'));
  if (model.exampleFiles.length === 0) {
    children.push(paragraph('The repository has no example env file (`.env.example`, `.env.sample`, `.env.template`): every variable above is documented only here.'));
  } else {
    children.push(paragraph('Compared with ', ...joined(model.exampleFiles.map((file) => kit.file(file))), '.'));
    children.push(heading(3, 'Read in code, missing from the example files'));
    children.push(model.missingFromExample.length > 0 ? list(model.missingFromExample.map((name) => [inlineCode(name)])) : paragraph('None.'));
    children.push(heading(3, 'In the example files, read nowhere'));
    children.push(model.unused.length > 0 ? list(model.unused.map((u) => [inlineCode(u.name), text(' at '), kit.at(u)])) : paragraph('None.'));
  }
  children.push(paragraph(GENERATED_NOTE));
  return writeMdx({
    frontMatter: {
      title: 'Configuration reference',
      description: `Every environment variable ${model.project} reads, where, its default and who sets it.`,
      sidebar_position: 1,
      custom_edit_url: null,
      last_update: kit.lastUpdate(model.variables.flatMap((v) => v.reads.map((r) => r.file))),
      ...generatedPageFrontMatter('operations', {tags: ['configuration']}),
    },
    children,
  });
}

export function renderUnitConfiguration(model: OperationsModel, unit: Unit, site: SiteView): string {
  const kit = pageKit(site);
  const variables = model.variables.filter((v) => v.units.includes(unit.slug));
  const children: RootContent[] = [
    heading(1, `Configuration of ${unit.name}`),
    paragraph(
      `The ${variables.length} environment variables the code in `,
      unit.dir ? inlineCode(`${unit.dir}/`) : text('the repository\u2019s root'),
      ' reads, with every line that reads them.',
    ),
    ...variables.flatMap((v) => variableBlock(v, kit)),
    paragraph(GENERATED_NOTE),
  ];
  return writeMdx({
    frontMatter: {
      title: `Configuration: ${unit.name}`,
      sidebar_label: unit.name,
      description: `Environment variables read by ${unit.name}.`,
      custom_edit_url: null,
      last_update: kit.lastUpdate(variables.flatMap((v) => v.reads.map((r) => r.file))),
      ...generatedPageFrontMatter('operations', {tags: ['configuration']}),
    },
    children,
  });
}
