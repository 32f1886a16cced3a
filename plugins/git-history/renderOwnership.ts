/**
 * The contributors and ownership page: who changed what, recently and over all time, CODEOWNERS,
 * and bus-factor warnings. Names only, unless the config allows e-mail addresses.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, list, paragraph, strong, table, text} from '../core/mdx/build';
import type {HistoryModel} from './model';
import type {Activity, ModuleOwnership, Person} from './model';
import {fileRef, page, statusNotes, STRUCTURE_PAGE, percent, plural, type HistoryLinks} from './renderCommon';

export function renderOwnership(model: HistoryModel, links: HistoryLinks, position: number): string {
  const {ownership} = model;
  const [repository, ...modules] = ownership.modules;
  const recent = `last ${ownership.recentMonths} months`;
  const children: RootContent[] = [
    heading(1, 'Contributors and ownership'),
    paragraph(
      `Who changes what: the people with the most lines changed (then commits) per package and per top-level folder, in the ${recent}`,
      ownership.recentSince ? ` (since ${ownership.recentSince}, counted back from the newest commit)` : '',
      ' and over all time. Authors are merged through the repository\u2019s ',
      inlineCode('.mailmap'),
      '; e-mail addresses are not published unless the configuration allows it.',
    ),
    ...statusNotes(model),
  ];
  if (!repository || repository.overall.commits === 0) {
    children.push(paragraph('No commits were read, so nobody can be named.'));
    return done();
  }

  children.push(heading(2, 'Whole repository'), activityTable(repository, recent));

  const risky = modules.filter((module) => module.busFactor);
  children.push(heading(2, 'Bus factor'));
  children.push(
    risky.length === 0
      ? paragraph('No module has one person holding most of its changes.')
      : list(
          risky.map((module) => [
            strong(module.path),
            text(
              `: ${module.busFactor!.person} made ${percent(module.busFactor!.share)} of the changes ${module.busFactor!.window === 'recent' ? `in the ${recent}` : 'over all time'}. If they leave, few people know this code.`,
            ),
          ]),
        ),
  );

  children.push(heading(2, 'By module'));
  if (modules.length === 0) {
    children.push(paragraph('The repository has no folders or packages with commits.'));
  } else {
    children.push(
      table(
        ['Module', 'Kind', `Top people, ${recent}`, 'Top people, all time', 'Commits (recent / all)', 'CODEOWNERS'],
        modules.map((module) => [
          fileRef(module.path, links),
          module.kind === 'package' && module.name ? `package ${module.name}` : module.kind,
          people(module.recent),
          people(module.overall),
          `${module.recent.commits} / ${module.overall.commits}`,
          module.codeowners.join(' '),
        ]),
      ),
    );
  }

  children.push(heading(2, 'CODEOWNERS'));
  if (!model.codeowners) {
    children.push(paragraph('The repository has no CODEOWNERS file (looked for in .github/, the root, docs/ and .gitlab/).'));
  } else {
    children.push(
      paragraph('From ', fileRef(model.codeowners.path, links), '; the last matching rule wins.'),
      model.codeowners.rules.length === 0
        ? paragraph('The file has no rules.')
        : table(
            ['Line', 'Pattern', 'Owners'],
            model.codeowners.rules.map((rule) => [String(rule.line), inlineCode(rule.pattern), rule.owners.join(' ') || '(no owner)']),
          ),
    );
  }
  return done();

  function done() {
    return page(
      model,
      {title: 'Contributors and ownership', description: `Who works on which part of ${model.project}, from its git history.`, position, freshness: 'contributors', ...STRUCTURE_PAGE},
      children,
    );
  }
}

function activityTable(module: ModuleOwnership, recent: string): RootContent {
  const rows: PhrasingContent[][] = [];
  const add = (window: string, activity: Activity) => {
    for (const person of activity.people) rows.push([text(window), text(personName(person)), text(String(person.commits)), text(person.lines.toLocaleString('en-US')), text(percent(person.share))]);
  };
  add(recent, module.recent);
  add('all time', module.overall);
  return table(['Window', 'Person', 'Commits', 'Lines changed', 'Share'], rows);
}

function people(activity: Activity): string {
  if (activity.people.length === 0) return 'nobody';
  const named = activity.people.slice(0, 3).map((person) => `${personName(person)} (${percent(person.share)})`);
  const others = activity.peopleCount - named.length;
  return others > 0 ? `${named.join(', ')} and ${plural(others, 'other')}` : named.join(', ');
}

function personName(person: Person): string {
  return person.email ? `${person.name} <${person.email}>` : person.name;
}
