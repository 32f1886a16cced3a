/**
 * The `codeReference` key of the target's config, with its defaults. The schema itself lives in
 * plugins/core/configSchema.ts, with every other key, so one strict schema checks a whole config.
 */
import type {DocsArchitectConfig} from '../core/configSchema';

export interface CodeReferenceOptions {
  enabled: boolean;
  entryPoints?: string[];
  exclude: string[];
  includeInternal: boolean;
  includePrivate: boolean;
  /** Also document generated files (`*.gen.*`, `__generated__/`, an `@generated` header) as modules. */
  includeGenerated: boolean;
  /** A library's modules that no public entry is, documented under "Internals". */
  internals: boolean;
  tsconfig?: string;
}

export const DEFAULT_OPTIONS: CodeReferenceOptions = {
  enabled: true,
  exclude: [],
  includeInternal: false,
  includePrivate: false,
  includeGenerated: false,
  internals: false,
};

/** Files that are never entry points and never documented: tests, fixtures, declaration-only build output. */
export const TEST_FILE = /(^|\/)(__tests__|__mocks__|__fixtures__|test|tests|e2e|fixtures|dtslint)\/|\.(test|spec|bench|stories|test-d)\.[cm]?[jt]sx?$/;

export function normalizeOptions(config: DocsArchitectConfig): CodeReferenceOptions {
  const given = config.codeReference ?? {};
  return {
    ...DEFAULT_OPTIONS,
    ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)),
  } as CodeReferenceOptions;
}
