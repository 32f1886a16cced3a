/**
 * The machinery of docusaurus.config.ts, kept out of it so that the config reads as the site (its
 * sections, plugins and themes, top to bottom): state kept on the process between evaluations of
 * the config, what the command line says about the run, and the navbar's assembly.
 *
 * Why state on the process: `docusaurus build` evaluates the config more than once in one process
 * (first to list the locales, then per locale), and a module-level variable of the config starts
 * afresh each time. What must happen once per build (the generators' run, a warning printed once, the
 * count of pages the front matter check saw) lives on `globalThis` under a `Symbol.for` key.
 */
import type {SitePlan} from './prepareSite';
import type {SiteSection} from './types';

/** The value kept on the process under `name`, made by `create` the first time. */
export function onProcess<T>(name: string, create: () => T): T {
  const key = Symbol.for(`docs-architect.${name}`);
  const state = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return (state[key] ??= create());
}

/** Docusaurus's command (`build`, `start`...): the CLI runs `docusaurus <command>` in this process. */
export function docusaurusCommand(argv: readonly string[] = process.argv): string | undefined {
  return argv[2];
}

/**
 * The site plan of a build, made once per target: the second evaluation of the config by
 * `docusaurus build` reuses the first one's plan rather than run every generator again. `start`
 * makes a new one each time, because it re-evaluates the config precisely to pick up changes.
 */
export function preparedOnce(key: string, prepare: () => Promise<SitePlan>): Promise<SitePlan> {
  if (docusaurusCommand() !== 'build') return prepare();
  const last = onProcess<{current?: {key: string; plan: Promise<SitePlan>}}>('plan', () => ({}));
  if (last.current?.key === key) return last.current.plan;
  const plan = prepare();
  last.current = {key, plan};
  return plan;
}

/**
 * Navbar items: one per section, except that sections sharing a `navbarGroup` (the API references of
 * several descriptions, say) share one dropdown when there are more than one of them.
 */
export function navbarItems(sections: SiteSection[]) {
  const item = (section: SiteSection) => ({
    type: 'docSidebar' as const,
    sidebarId: 'default',
    docsPluginId: section.kind === 'authored' ? 'default' : section.id,
    label: section.title,
  });
  const items = [];
  const grouped = new Set<string>();
  for (const section of sections) {
    const group = section.navbarGroup;
    const members = group ? sections.filter((other) => other.navbarGroup === group) : [];
    if (!group || members.length < 2) {
      items.push({...item(section), position: 'left' as const});
    } else if (!grouped.has(group)) {
      grouped.add(group);
      items.push({type: 'dropdown' as const, label: group, position: 'left' as const, items: members.map(item)});
    }
  }
  return items;
}

/** What regenerates the generated sections during `start`: every watched path but the authored docs'. */
export function generatedWatch(plan: SitePlan): string[] {
  return Object.entries(plan.watch)
    .filter(([id]) => id !== 'docs')
    .flatMap(([, paths]) => paths);
}
