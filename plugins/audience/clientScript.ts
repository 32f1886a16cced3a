/**
 * What goes in every page's <head> so the chosen audience filters the sidebars before the first
 * paint, without a layout shift: a tiny script that reads `?audience=` (then localStorage) and sets
 * `<html data-audience="…">`, and CSS rules that hide the sidebar items of other audiences. React
 * takes over after hydration through the same attribute (src/components/AudienceSwitcher/store.ts).
 */
import {ACTIVE_CLASS, AUDIENCE_CLASS} from './sidebarClasses';

export const STORAGE_KEY = 'docs-architect.audience';
export const QUERY_PARAM = 'audience';
export const ATTRIBUTE = 'data-audience';
/** `?audience=all` (or `everyone`, or empty) clears the choice. */
export const CLEAR_VALUES = ['', 'all', 'everyone'];

/** Ids are lower-case letters, digits and dashes (the config schema checks it), so they are safe in JS and CSS. */
function assertSafe(ids: readonly string[]): void {
  const bad = ids.find((id) => !/^[a-z0-9][a-z0-9-]*$/.test(id));
  if (bad !== undefined) throw new Error(`audience id not safe for CSS: ${JSON.stringify(bad)}`);
}

export function audienceHeadScript(known: readonly string[]): string {
  assertSafe(known);
  return `(function(){try{var d=document.documentElement,k=${JSON.stringify(STORAGE_KEY)},known=${JSON.stringify(known)},clear=${JSON.stringify(CLEAR_VALUES)};var q=new URLSearchParams(location.search).get(${JSON.stringify(QUERY_PARAM)});var v=null;if(q!==null)q=q.toLowerCase();if(q!==null&&known.indexOf(q)>=0){v=q;localStorage.setItem(k,q)}else if(q!==null&&clear.indexOf(q)>=0){localStorage.removeItem(k)}else{v=localStorage.getItem(k);if(known.indexOf(v)<0)v=null}if(v)d.setAttribute(${JSON.stringify(ATTRIBUTE)},v)}catch(e){}})();`;
}

export function audienceCss(known: readonly string[]): string {
  assertSafe(known);
  const rules = known.map(
    (id) =>
      `html[${ATTRIBUTE}="${id}"] .${AUDIENCE_CLASS}:not(.${AUDIENCE_CLASS}-${id}):not(.${ACTIVE_CLASS}){display:none}` +
      `html[${ATTRIBUTE}="${id}"] .da-filter-label[data-for="${id}"]{display:inline}`,
  );
  return [
    `.da-filter-label{display:none}`,
    `html:not([${ATTRIBUTE}]) .da-filter-banner{display:none}`,
    ...rules,
  ].join('\n');
}
