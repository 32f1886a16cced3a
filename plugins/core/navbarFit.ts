/**
 * A navbar that stays on one line. Docusaurus lays every section out side by side and wraps the bar
 * onto two lines once they do not fit; a repository with five sections and three HTTP APIs already
 * did at 1400 px. Widths are estimated from the labels at build time (no script, so the bar is the
 * same without JavaScript and never shifts): sections that do not fit go into a "More" dropdown, long
 * labels are shortened with the full title on hover. The phone menu lists every section: the items
 * in "More" are also top-level items the desktop bar hides (src/css/custom.css). See docs/adr/0038.
 */

/** The navbar items this module reads and writes, as Docusaurus's theme config takes them. */
export interface NavItem {
  type?: string;
  label?: string;
  position?: 'left' | 'right';
  items?: NavItem[];
  className?: string;
  title?: string;
  [key: string]: unknown;
}

/** Narrowest width at which Docusaurus shows the desktop bar (below it, the phone menu). */
export const DESKTOP_MIN_WIDTH = 997;
/** Labels longer than this are shortened; the full label is the link's title. */
export const MAX_LABEL = 24;
/** Classes the stylesheet keys on: hidden on the desktop bar / hidden in the phone menu. */
export const PHONE_ONLY = 'da-nav-phone-only';
export const DESKTOP_ONLY = 'da-nav-desktop-only';

/** Estimated width of a label in the bar's font (15 px, medium weight), in px. */
function textWidth(label: string): number {
  return Math.ceil(label.length * 8.2);
}

/** A link or dropdown toggle: the label plus Infima's horizontal padding, and the caret of a dropdown. */
function itemWidth(item: NavItem): number {
  if (item.type === 'search') return 200;
  if (item.type?.startsWith('custom-')) return 170;
  return textWidth(item.label ?? '') + 24 + (item.type === 'dropdown' ? 16 : 0);
}

/** `A very long API description title` → `A very long API descrip…`, with the full label on hover. */
export function shorten(item: NavItem): NavItem {
  const label = item.label;
  if (!label || label.length <= MAX_LABEL) return item;
  return {...item, label: `${label.slice(0, MAX_LABEL - 1).trimEnd()}…`, title: label};
}

export interface FitOptions {
  /** The site title next to the logo. */
  title: string;
  /** Width the bar must fit in, in px. */
  width?: number;
}

/**
 * The items of the bar: left items in order while they fit, the rest in "More". The search box and
 * colour mode switch Docusaurus adds are counted as taken room.
 */
export function fitNavbar(items: NavItem[], options: FitOptions): NavItem[] {
  const left = items.filter((item) => item.position !== 'right').map(shortenAll);
  const right = items.filter((item) => item.position === 'right').map(shortenAll);
  // Logo, title (bold), search box, colour mode switch and the bar's own padding.
  const fixed = 32 + 8 + Math.ceil(textWidth(options.title) * 1.1) + 24 + itemWidth({type: 'search'}) + 48 + 32;
  const room = (options.width ?? DESKTOP_MIN_WIDTH + 83) - fixed - right.reduce((sum, item) => sum + itemWidth(item), 0);
  let used = 0;
  let fitting = 0;
  for (const item of left) {
    // The last item may take the room "More" would have needed.
    const needed = itemWidth(item) + (fitting === left.length - 1 ? 0 : itemWidth({type: 'dropdown', label: 'More'}));
    if (used + needed > room) break;
    used += itemWidth(item);
    fitting++;
  }
  if (fitting === left.length) return [...left, ...right];
  const overflow = left.slice(fitting);
  const more: NavItem = {
    type: 'dropdown',
    label: 'More',
    position: 'left',
    className: DESKTOP_ONLY,
    // A dropdown cannot hold a dropdown: a group (the HTTP APIs) lends its members, named by it.
    items: overflow.flatMap((item) => (item.type === 'dropdown' ? (item.items ?? []) : [withoutPosition(item)])),
  };
  // The same items as top-level entries for the phone menu, which the desktop bar hides.
  const phone = overflow.map((item) => ({...item, className: joinClass(item.className, PHONE_ONLY)}));
  return [...left.slice(0, fitting), more, ...phone, ...right];
}

function shortenAll(item: NavItem): NavItem {
  const short = shorten(item);
  return short.items ? {...short, items: short.items.map(shorten)} : short;
}

function withoutPosition(item: NavItem): NavItem {
  const {position: _position, ...rest} = item;
  return rest;
}

function joinClass(...names: (string | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}
