/**
 * Class names that let CSS filter a sidebar by audience before React hydrates (see clientScript.ts):
 * an item for some audiences gets `da-aud da-aud-<id>…`; a category gets the union of its pages'
 * audiences, so it disappears with its last page; the active page and its categories get
 * `da-aud-active` and never disappear. Items for everyone get no class and always stay.
 * Pure, so the theme and the tests share it.
 */
import {EVERYONE} from './vocabulary';

export const AUDIENCE_CLASS = 'da-aud';
export const ACTIVE_CLASS = 'da-aud-active';

/** The subset of Docusaurus's PropSidebarItem this module reads. */
export interface SidebarItemLike {
  type: string;
  className?: string;
  customProps?: Record<string, unknown>;
  items?: SidebarItemLike[];
}

/** The audiences an item is for, or `undefined` when it is for everyone (or says nothing). */
export function itemAudiences(item: SidebarItemLike): Set<string> | undefined {
  if (item.type === 'category') {
    const union = new Set<string>();
    for (const child of item.items ?? []) {
      const audiences = itemAudiences(child);
      if (!audiences) return undefined;
      for (const id of audiences) union.add(id);
    }
    return union.size > 0 ? union : undefined;
  }
  const audience = item.customProps?.audience;
  if (!Array.isArray(audience) || audience.length === 0 || audience.includes(EVERYONE)) return undefined;
  return new Set(audience.filter((id): id is string => typeof id === 'string'));
}

/** Adds the filter classes to one level of items (nested levels are annotated when they render). */
export function annotateSidebarItems<T extends SidebarItemLike>(items: readonly T[], isActive: (item: T) => boolean): T[] {
  return items.map((item) => {
    const audiences = itemAudiences(item);
    if (!audiences) return item;
    const classes = [item.className, AUDIENCE_CLASS, ...[...audiences].sort().map((id) => `${AUDIENCE_CLASS}-${id}`)];
    if (isActive(item)) classes.push(ACTIVE_CLASS);
    return {...item, className: classes.filter(Boolean).join(' ')};
  });
}
