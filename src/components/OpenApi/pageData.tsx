/**
 * The JSON an API page fetches at run time (see plugins/openapi/model.ts), with its `$ref`s resolved,
 * shared through a React context with the components that render it.
 */
import {createContext, useContext, useEffect, useState, type ReactNode} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {resolveRefs} from '@site/plugins/openapi/client/resolveRefs';

export type PageData =
  | {status: 'loading'}
  | {status: 'error'; url: string; message: string}
  | {status: 'loaded'; api?: Record<string, unknown>; schemas?: Record<string, unknown>};

interface RawPageData {
  version: number;
  api?: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  components: Record<string, unknown>;
  /** Fan-out groups whose components the page also needs: `../shared/<id>.json` beside the page's file. */
  shared?: string[];
}

/** The page data format this client reads (PAGE_DATA_VERSION in plugins/openapi/model.ts). */
const SUPPORTED_VERSION = 2;

async function fetchJson(url: string): Promise<RawPageData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const raw = (await response.json()) as RawPageData;
  if (raw.version !== SUPPORTED_VERSION) throw new Error(`unsupported data version ${raw.version}; rebuild the site`);
  return raw;
}

/**
 * The page's components and those of every shared group it names, transitively (ADR 0028): a base
 * schema's hundreds of subtypes live in one file that every page using it fetches (and the browser
 * caches), instead of being copied into each page.
 */
async function withSharedComponents(raw: RawPageData, url: string): Promise<Record<string, unknown>> {
  const components = {...raw.components};
  const seen = new Set<string>();
  let pending = raw.shared ?? [];
  while (pending.length > 0) {
    const ids = pending.filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    const files = await Promise.all(ids.map((id) => fetchJson(new URL(`../shared/${encodeURIComponent(id)}.json`, new URL(url, window.location.href)).href)));
    for (const file of files) {
      for (const [ref, value] of Object.entries(file.components)) if (!Object.hasOwn(components, ref)) components[ref] = value;
    }
    pending = files.flatMap((file) => file.shared ?? []);
  }
  return components;
}

const PageDataContext = createContext<PageData | undefined>(undefined);

export function PageDataProvider({value, children}: {value: PageData; children: ReactNode}): ReactNode {
  return <PageDataContext.Provider value={value}>{children}</PageDataContext.Provider>;
}

/** Undefined outside an API page (say, a component rendered in a test or another layout). */
export function usePageDataContext(): PageData | undefined {
  return useContext(PageDataContext);
}

/** Fetches and resolves the page's JSON once per page; `path` is site-relative (`/<section>/_openapi/...`). */
export function useFetchedPageData(path: string): PageData {
  const url = useBaseUrl(path);
  const [state, setState] = useState<PageData>({status: 'loading'});
  useEffect(() => {
    let cancelled = false;
    setState({status: 'loading'});
    fetchJson(url)
      .then(async (raw) => {
        const components = await withSharedComponents(raw, url);
        return {
          status: 'loaded' as const,
          api: raw.api ? resolveRefs(raw.api, components) : undefined,
          schemas: raw.schemas ? resolveRefs(raw.schemas, components) : undefined,
        };
      })
      .then(
        (loaded) => !cancelled && setState(loaded),
        (error: unknown) => !cancelled && setState({status: 'error', url, message: error instanceof Error ? error.message : String(error)}),
      );
    return () => {
      cancelled = true;
    };
  }, [url]);
  return state;
}
