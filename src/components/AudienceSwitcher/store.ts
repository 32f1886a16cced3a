/**
 * The chosen audience on the client. The source of truth is the `data-audience` attribute of <html>,
 * which the head script sets before the first paint and CSS filters the sidebars by; React reads it
 * through useSyncExternalStore, and a choice writes it, localStorage and, when the URL carries
 * `?audience=`, the URL (so reloading or copying the address keeps the choice).
 */
import {useCallback, useEffect, useSyncExternalStore} from 'react';
import {useHistory, useLocation} from '@docusaurus/router';
import {ATTRIBUTE, CLEAR_VALUES, QUERY_PARAM, STORAGE_KEY} from '@site/plugins/audience/clientScript';

const CHANGE_EVENT = 'docs-architect:audience';

function readAudience(): string | null {
  return document.documentElement.getAttribute(ATTRIBUTE);
}

function writeAudience(id: string | null): void {
  const root = document.documentElement;
  if (id) root.setAttribute(ATTRIBUTE, id);
  else root.removeAttribute(ATTRIBUTE);
  try {
    if (id) localStorage.setItem(STORAGE_KEY, id);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled (private mode, policy): the choice lasts for this page only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  // Another tab chose an audience: follow it.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    if (event.newValue) document.documentElement.setAttribute(ATTRIBUTE, event.newValue);
    else document.documentElement.removeAttribute(ATTRIBUTE);
    onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The chosen audience id, or null for all readers. Null during server rendering. */
export function useAudience(): string | null {
  return useSyncExternalStore(subscribe, readAudience, () => null);
}

/** Chooses an audience (null: all readers), keeping an `?audience=` in the address in step. */
export function useChooseAudience(): (id: string | null) => void {
  const history = useHistory();
  const location = useLocation();
  return useCallback(
    (id: string | null) => {
      writeAudience(id);
      const params = new URLSearchParams(location.search);
      if (!params.has(QUERY_PARAM)) return;
      if (id) params.set(QUERY_PARAM, id);
      else params.delete(QUERY_PARAM);
      const search = params.toString();
      history.replace({...location, search: search ? `?${search}` : ''});
    },
    [history, location],
  );
}

/** Applies an `?audience=` reached by client-side navigation (a full load is handled by the head script). */
export function useAudienceFromUrl(known: readonly string[]): void {
  const {search} = useLocation();
  useEffect(() => {
    const value = new URLSearchParams(search).get(QUERY_PARAM)?.toLowerCase();
    if (value === undefined) return;
    if (known.includes(value)) {
      if (readAudience() !== value) writeAudience(value);
    } else if (CLEAR_VALUES.includes(value) && readAudience() !== null) {
      writeAudience(null);
    }
  }, [search, known]);
}
