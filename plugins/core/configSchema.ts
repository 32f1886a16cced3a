/**
 * The target's optional `docs-architect.config.*`. Every key is documented here; the configuration
 * reference page in docs/ lists the same keys. Unknown keys are errors, so a typo never passes
 * silently.
 */
import * as z from 'zod';

const relativePath = z
  .string()
  .min(1)
  .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(value), {
    message: 'must be a path relative to the repository root',
  });

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
  /** Where the site is hosted, e.g. `https://docs.example.com`. Default: `http://localhost`. */
  url: z.url({protocol: /^https?$/}).optional(),
  /** The path the site is served under, with leading and trailing slash. Default: `/`. */
  baseUrl: z
    .string()
    .regex(/^\/(.*\/)?$/, {message: 'must start and end with "/"'})
    .optional(),
  /** The HTTP API reference: which OpenAPI/Swagger descriptions to document and how. Default: every one found. */
  openapi: openapiSchema.optional(),
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
  url: 'url: "https://docs.acme.dev"',
  baseUrl: 'baseUrl: "/payments/"',
  openapi: 'openapi: {specs: ["api/openapi.yaml"]}',
};

export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof DocsArchitectConfig)[];

/** The keys of the `openapi` object, for its reference table. */
export const OPENAPI_CONFIG_KEYS = Object.keys(openapiSchema.shape);

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
