/**
 * The target's optional `docs-architect.config.*`. Every key is documented here; the configuration
 * reference page in docs/ lists the same keys. Unknown keys are errors, so a typo never passes
 * silently.
 */
import * as z from 'zod';
import {docusaurusSchema, themeSchema} from './themingSchema';

const relativePath = z
  .string()
  .min(1)
  .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value), {
    message: 'must be a path relative to the repository root',
  });

/** The `history` key: how the history section (plugins/git-history) reads the repository's git. */
const historySchema = z.strictObject({
  /** Which changelog to show: `generated` from the commits, the repository's own `file`, or `both`. Default: `both` (the file only when there is one). */
  changelog: z.enum(['generated', 'file', 'both']).optional(),
  /** The repository's changelog file, relative to its root. Default: `CHANGELOG.md` (or `CHANGES.md`, `HISTORY.md`, `RELEASES.md`) at the root. */
  changelogFile: relativePath.optional(),
  /** Publish authors' e-mail addresses (and e-mail owners in CODEOWNERS). Default: false, names only. */
  showEmails: z.boolean().optional(),
  /** Months of history the hot spots ranking counts, back from the newest commit. Default: 6. */
  hotspotMonths: z.number().int().min(1).max(240).optional(),
  /** Share of a module's recent changes (0.5 to 1) above which one person is a bus-factor risk. Default: 0.75. */
  busFactorThreshold: z.number().min(0.5).max(1).optional(),
  /** Folders holding architecture decision records. Default: the usual ones (`docs/adr`, `doc/adr`, `docs/decisions`, ...). */
  adrPaths: z.array(relativePath).min(1).optional(),
  /** Release tags start with this prefix, followed by a semantic version. Default: none (`v1.2.3` or `1.2.3`). */
  tagPrefix: z.string().optional(),
});

const termId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {
  message: 'must be lower-case letters, digits and dashes, e.g. "data-science"',
});

/** An audience or a content type a target adds to the built-in ones. */
const term = z.strictObject({
  /** What front matter writes, e.g. `data-science`. */
  id: termId,
  /** What readers see, a plural noun phrase, e.g. `Data scientists`. */
  label: z.string().min(1),
  /** One sentence on the audience's landing page. */
  description: z.string().optional(),
  /** Other spellings front matter may use for it, e.g. `data-scientists`. */
  aliases: z.array(z.string().min(1)).optional(),
});

const uniqueIds = (terms: {id: string}[]) => new Set(terms.map((t) => t.id)).size === terms.length;
const sectionId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, {message: 'must be lower-case letters, digits and dashes'});

/** One API description to document: its path, or its path with a section id and title. */
const openapiSpec = z.union([
  relativePath,
  z.strictObject({
    /** The description's root file, relative to the repository root. */
    path: relativePath,
    /** The section's id and URL segment. Default: `api-` and the slug of `info.title`. */
    id: sectionId.optional(),
    /** The section's title in the navbar and on the landing page. Default: `info.title` and `info.version`. */
    title: z.string().min(1).optional(),
  }),
]);

const openapiSchema = z.strictObject({
  /** API descriptions to document besides the ones found; each gets its own section. */
  specs: z.array(openapiSpec).optional(),
  /** Look for API descriptions in the repository (by name and by content). Default: true. */
  discover: z.boolean().optional(),
  /** Found descriptions to leave out (.gitignore syntax); test and fixture folders are always left out. */
  exclude: z.array(z.string().min(1)).optional(),
  /** Pages for the schemas of `components.schemas` (up to 50 a page). Default: true. */
  schemaPages: z.boolean().optional(),
  /** A proxy the explorer sends requests through, for APIs that do not allow cross-origin calls. Default: none. */
  proxy: z.url({protocol: /^https?$/}).optional(),
  /** Show the explorer's "Send" button. Default: true. */
  sendButton: z.boolean().optional(),
});

export type OpenApiConfig = z.infer<typeof openapiSchema>;

/** The `check` key: what `docs-architect check` enforces beyond broken links (see docs/check.md). */
const checkSchema = z.strictObject({
  /** Check families or rule ids never run or reported, e.g. `["readability", "markdownlint/MD010"]`. Default: none. */
  skip: z.array(z.string().min(1)).optional(),
  /** Highest Flesch–Kincaid grade a page may have before it is a warning. Default: 14. */
  maxGrade: z.number().min(1).max(30).optional(),
  /** Pages with fewer words are not graded (a grade of few sentences means little). Default: 150. */
  minWords: z.number().int().min(1).optional(),
  /** Words retext-equality lets pass (its rule ids or the words it flags), e.g. `["simple"]`, beyond `host`, `hosts`, `invalid`. Default: none more. */
  inclusiveAllow: z.array(z.string().min(1)).optional(),
  /** markdownlint rules on top of the default set: a rule (`MD013`) or alias to `false`, `true` or its options. */
  markdownlint: z.record(z.string(), z.union([z.boolean(), z.record(z.string(), z.unknown())])).optional(),
});

/** One GraphQL schema to document: the files or folder it is made of, with a section id, title and endpoint. */
const graphqlSchemaEntry = z.strictObject({
  /** A schema file (`.graphql`, `.gql`, introspection `.json`, code with schema strings) or a folder whose schema files form one schema. Default: the whole repository. */
  path: relativePath.optional(),
  /** The section's id and URL segment. Default: `graphql`, or `graphql-` and the folder's slug when there are several. */
  id: sectionId.optional(),
  /** The section's title in the navbar and on the landing page. Default: `GraphQL API`, with the folder when there are several. */
  title: z.string().min(1).optional(),
  /** The URL the explorer sends queries to; each operation page gets a Run button. Default: none, no explorer. */
  endpoint: z.url({protocol: /^https?$/}).optional(),
});

const graphqlSchema = z.strictObject({
  /** Schemas to document, or settings (endpoint, id, title) for the ones found. Default: every schema found, one per package. */
  schemas: z.array(graphqlSchemaEntry).optional(),
  /** Look for schemas in the repository (`*.graphql`, `*.gql`, schema strings in code, introspection JSON). Default: true. */
  discover: z.boolean().optional(),
  /** Found schema files to leave out (.gitignore syntax); test and fixture folders are always left out. */
  exclude: z.array(z.string().min(1)).optional(),
});

export type GraphqlConfig = z.infer<typeof graphqlSchema>;

export const configSchema = z.strictObject({
  /** The site's title. Default: the `name` in the target's package.json, else its folder name. */
  title: z.string().min(1).optional(),
  /** One line under the title on the landing page. Default: the manifest's `description`. */
  tagline: z.string().optional(),
  /** Web address of the repository, used for "edit this page" and source links. Default: derived from the `origin` remote. */
  repositoryUrl: z.url({protocol: /^https?$/}).optional(),
  /** Branch that edit links point at. Default: the current branch, else `main`. */
  branch: z.string().min(1).optional(),
  /** Where the target's hand-written docs live, relative to its root. Default: `docs` (or `doc`, `documentation`). */
  docsPath: relativePath.optional(),
  /** Only these paths are read (.gitignore syntax). Default: everything not ignored. */
  include: z.array(z.string().min(1)).optional(),
  /** These paths are never read (.gitignore syntax), on top of .gitignore and the built-in exclusions. */
  exclude: z.array(z.string().min(1)).optional(),
  /** Fail the build on any warning (also `--strict`). Default: false. */
  strict: z.boolean().optional(),
  /**
   * Raw HTML in the authored docs: `sanitize` keeps formatting tags and drops script, event handlers,
   * iframes and unsafe URLs; `trust` keeps it as written (ignored with `--untrusted`). Default: `sanitize`.
   */
  authoredHtml: z.enum(['sanitize', 'trust']).optional(),
  /** Where the site is hosted, e.g. `https://docs.example.com`. Default: `http://localhost`. */
  url: z.url({protocol: /^https?$/}).optional(),
  /** The path the site is served under, with leading and trailing slash. Default: `/`. */
  baseUrl: z
    .string()
    .regex(/^\/(.*\/)?$/, {message: 'must start and end with "/"'})
    .optional(),
  /** How the history section reads git: changelog source, e-mails, hot spot window, ADR folders, tag prefix. */
  history: historySchema.optional(),
  /**
   * Audience-tagged navigation: the vocabulary page front matter may use (`audience`, `content_type`)
   * beyond the built-in one, and the reading speed for computed reading times. See docs/audiences.md.
   */
  audiences: z
    .strictObject({
      /** Audiences beyond the built-in ones (everyone, new-hire, backend, frontend, sre, integrator, architect, product, security, qa). */
      extra: z.array(term).refine(uniqueIds, {message: 'has two audiences with the same id'}).optional(),
      /** Content types beyond the built-in ones (tutorial, guide, how-to, reference, api, architecture, runbook, adr, changelog...). */
      extraContentTypes: z.array(term).refine(uniqueIds, {message: 'has two content types with the same id'}).optional(),
      /** Prose reading speed for computed reading times. Default: 220 words per minute. */
      wordsPerMinute: z.number().int().min(60).max(1000).optional(),
    })
    .optional(),
  /**
   * The code reference (TypeScript/JavaScript API pages). Default: entry points from each package's
   * `exports`/`main`/`types`, else its tsconfig's files, else every non-test source file.
   */
  codeReference: z
    .strictObject({
      /** Generate the code reference at all. Default: true. */
      enabled: z.boolean().optional(),
      /** Files or folders (relative to the root) whose exports are documented, instead of the discovered entry points. */
      entryPoints: z.array(relativePath).min(1).optional(),
      /** Paths never documented (.gitignore syntax), e.g. generated code. */
      exclude: z.array(z.string().min(1)).optional(),
      /** Document symbols tagged `@internal`, `@private`, `@hidden` or `@ignore`. Default: false. */
      includeInternal: z.boolean().optional(),
      /** Document `private` and `#private` class members. Default: false. */
      includePrivate: z.boolean().optional(),
      /** Document generated files (`*.gen.*`, `__generated__/`, an `@generated` header) as modules. Default: false. */
      includeGenerated: z.boolean().optional(),
      /** Also document a library's modules that no public entry point is, under "Internals". Default: false. */
      internals: z.boolean().optional(),
      /** The tsconfig whose `paths` and `baseUrl` resolve imports. Default: the nearest tsconfig.json of each file. */
      tsconfig: relativePath.optional(),
    })
    .optional(),
  /** The HTTP API reference: which OpenAPI/Swagger descriptions to document and how. Default: every one found. */
  openapi: openapiSchema.optional(),
  /** Living docs (docs/living-docs.md): when a page has drifted from its code, the coverage goal, the review age. */
  livingDocs: z
    .strictObject({
      /** Commits to a page's covered code since its last edit before it shows the drift notice. Default: 1. */
      driftCommits: z.number().int().min(1).optional(),
      /** Days from a page's last edit to the newest commit to its code before it shows the drift notice. Default: 0. */
      driftDays: z.number().int().min(0).optional(),
      /** Share (0 to 1) of exported symbols with a doc comment the Quality page and `check` expect. Default: 0.5. */
      coverageThreshold: z.number().min(0).max(1).optional(),
      /** Days after its last edit (or `last_reviewed`) when a hand-written page is due for review. Default: 365. */
      reviewAfterDays: z.number().int().min(1).optional(),
    })
    .optional(),
  /** The GraphQL reference: which schemas to document, and the endpoint its explorer queries. Default: every schema found. */
  graphql: graphqlSchema.optional(),
  /** The site's look: logo, favicon, primary colour, navbar and footer links, copyright, a CSS file. */
  theme: themeSchema.optional(),
  /** Docusaurus settings merged into the site: themeConfig, plugins, themes, scripts, stylesheets. */
  docusaurus: docusaurusSchema.optional(),
  /** What `docs-architect check` enforces: skipped checks, the readability limit, allowed words, markdownlint rules. */
  check: checkSchema.optional(),
});

export type DocsArchitectConfig = z.infer<typeof configSchema>;

/** An example value per key, shown in the fix of an error about that key. */
export const CONFIG_EXAMPLES: Record<keyof DocsArchitectConfig, string> = {
  title: 'title: "Acme Payments"',
  tagline: 'tagline: "Payments for everyone"',
  repositoryUrl: 'repositoryUrl: "https://github.com/acme/payments"',
  branch: 'branch: "main"',
  docsPath: 'docsPath: "documentation"',
  include: 'include: ["src/", "docs/"]',
  exclude: 'exclude: ["src/generated/"]',
  strict: 'strict: true',
  authoredHtml: 'authoredHtml: "trust"',
  url: 'url: "https://docs.acme.dev"',
  baseUrl: 'baseUrl: "/payments/"',
  history: 'history: {changelog: "both", hotspotMonths: 6, adrPaths: ["docs/adr"]}',
  audiences: 'audiences: {extra: [{id: "data-science", label: "Data scientists"}]}',
  codeReference: 'codeReference: {entryPoints: ["src/index.ts"], exclude: ["src/generated/"]}',
  openapi: 'openapi: {specs: ["api/openapi.yaml"]}',
  livingDocs: 'livingDocs: {driftCommits: 3, driftDays: 14, coverageThreshold: 0.8, reviewAfterDays: 180}',
  graphql: 'graphql: {schemas: [{path: "schema/", endpoint: "https://api.example.com/graphql"}]}',
  theme: 'theme: {logo: "docs/logo.svg", primaryColor: "#2e8555", copyright: "© Acme"}',
  docusaurus: 'docusaurus: {themeConfig: {colorMode: {defaultMode: "dark"}}}',
  check: 'check: {maxGrade: 12, skip: ["inclusive"], markdownlint: {MD010: false}}',
};

export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof DocsArchitectConfig)[];

/** The keys of the `openapi` object, for its reference table. */
export const OPENAPI_CONFIG_KEYS = Object.keys(openapiSchema.shape);

/** The keys of the `graphql` object and of one of its `schemas`, for their reference tables. */
export const GRAPHQL_CONFIG_KEYS = Object.keys(graphqlSchema.shape);
export const GRAPHQL_SCHEMA_CONFIG_KEYS = Object.keys(graphqlSchemaEntry.shape);

/**
 * The keys the config accepts at a path (`['openapi']` → specs, discover...; `['openapi', 'specs', '0']`
 * → path, id, title), so an unknown nested key is compared with its siblings, not the top-level keys.
 */
export function knownKeysAt(keyPath: (string | number)[]): string[] {
  let schema: z.core.$ZodType | undefined = configSchema;
  for (const segment of keyPath) {
    schema = schema && childSchema(objectOf(schema) ?? schema, segment);
  }
  const object = schema && objectOf(schema);
  return object ? Object.keys(object._zod.def.shape) : [];
}

function objectOf(schema: z.core.$ZodType): z.core.$ZodObject | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return schema as z.core.$ZodObject;
  if (def.type === 'optional') return objectOf((def as z.core.$ZodOptionalDef).innerType);
  if (def.type === 'union') {
    for (const option of (def as z.core.$ZodUnionDef).options) {
      const object = objectOf(option);
      if (object) return object;
    }
  }
  return undefined;
}

function childSchema(schema: z.core.$ZodType, segment: string | number): z.core.$ZodType | undefined {
  const def = schema._zod.def;
  if (def.type === 'object') return (def as z.core.$ZodObjectDef).shape[String(segment)];
  if (def.type === 'optional') return childSchema((def as z.core.$ZodOptionalDef).innerType, segment);
  if (def.type === 'array') return (def as z.core.$ZodArrayDef).element;
  return undefined;
}
