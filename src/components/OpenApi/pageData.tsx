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
}

/** The page data format this client reads (PAGE_DATA_VERSION in plugins/openapi/model.ts). */
const SUPPORTED_VERSION = 1;

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
    fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const raw = (await response.json()) as RawPageData;
        if (raw.version !== SUPPORTED_VERSION) throw new Error(`unsupported data version ${raw.version}; rebuild the site`);
        return {
          status: 'loaded' as const,
          api: raw.api ? resolveRefs(raw.api, raw.components) : undefined,
          schemas: raw.schemas ? resolveRefs(raw.schemas, raw.components) : undefined,
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
