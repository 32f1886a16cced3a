/**
 * The "Getting started" page: prerequisites, then install, run, test, lint and build steps from the
 * repository's own commands, the ports, the guides to read next, and what could not be determined.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, list, paragraph, table, text} from '../../core/mdx/build';
import {writeMdx} from '../../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../../core/generatedPagePresets';
import type {SiteView} from '../../core/types';
import type {Command, GettingStartedModel} from '../model';
import {GENERATED_NOTE, pageKit} from './facts';

const STEPS: {purpose: Command['purpose']; title: string; intro: string}[] = [
  {purpose: 'install', title: 'Install', intro: 'Install the dependencies:'},
  {purpose: 'run', title: 'Run', intro: 'Start it locally:'},
  {purpose: 'test', title: 'Test', intro: 'Run the tests:'},
  {purpose: 'lint', title: 'Lint and check', intro: 'Check the code before a change is reviewed:'},
  {purpose: 'build', title: 'Build', intro: 'Build it:'},
  {purpose: 'other', title: 'Other commands', intro: 'The repository\u2019s other commands:'},
];

export function renderGettingStarted(model: GettingStartedModel, site: SiteView): string {
  const kit = pageKit(site);
  const children: RootContent[] = [
    heading(1, `Getting started with ${model.project}`),
    paragraph('From a fresh clone to a running, tested change, with the commands the repository itself defines. Each step links to the line that defines it.'),
    heading(2, 'Prerequisites'),
  ];
  if (model.tools.length > 0) {
    children.push(table(['Tool', 'Version', 'Declared in'], model.tools.map((tool) => [inlineCode(tool.tool), tool.version, kit.at(tool.from)])));
  } else {
    children.push(paragraph('The repository declares no tool versions.'));
  }
  if (model.services.length > 0) {
    children.push(
      paragraph('Services the project needs beside itself (from its compose files):'),
      table(['Service', 'Image', 'Defined in'], model.services.map((s) => [inlineCode(s.name), s.image ? inlineCode(s.image) : '', kit.at(s.from)])),
    );
  }
  for (const step of STEPS) {
    const commands = model.commands.filter((c) => c.purpose === step.purpose);
    if (commands.length === 0) continue;
    children.push(heading(2, step.title), paragraph(step.intro), commandTable(commands, kit.at));
  }
  if (model.ports.length > 0) {
    children.push(
      heading(2, 'Ports'),
      table(['Service', 'Port', 'Declared in'], model.ports.map((p) => [inlineCode(p.service), inlineCode(p.port), kit.at(p.from)])),
    );
  }
  if (model.guides.length > 0) {
    children.push(heading(2, 'Read next'), list(model.guides.map((g): PhrasingContent[] => [kit.file(g.file), text(` \u2014 ${g.title}`)])));
  }
  const operations = site.urlOf('section', 'operations');
  if (operations) children.push(paragraph('Configuration, deployment and runbooks are in ', {type: 'link', url: operations, children: [text('Operations')]}, '.'));
  children.push(heading(2, 'Not determined'));
  children.push(model.unknown.length > 0 ? list(model.unknown.map((sentence) => [sentence])) : paragraph('Everything above was found in the repository.'));
  children.push(paragraph(GENERATED_NOTE));
  return writeMdx({
    frontMatter: {
      title: `Getting started with ${model.project}`,
      sidebar_label: 'Getting started',
      description: `Prerequisites and the commands to install, run, test, lint and build ${model.project}.`,
      sidebar_position: 1,
      slug: '/',
      custom_edit_url: null,
      last_update: kit.lastUpdate([...model.tools.map((t) => t.from.file), ...model.commands.map((c) => c.from.file)]),
      ...generatedPageFrontMatter('gettingStarted'),
    },
    children,
  });
}

function commandTable(commands: Command[], at: (ref: Command['from']) => PhrasingContent) {
  return table(
    ['Command', 'What it does', 'Defined in'],
    commands.map((c) => [inlineCode(c.run), c.description ? [c.description, ...(c.does ? [text(' '), inlineCode(c.does)] : [])] : c.does ? inlineCode(c.does) : '', at(c.from)]),
  );
}
