/**
 * The JSON files the pages fetch, from the model: a page's operation (or schemas) with the components
 * it reaches, and one shared file per fan-out group (ADR 0028). The model holds each component once;
 * the files copy what each page needs, so a page costs one fetch, plus one per group it uses.
 */
import {createPageDataSanitizer} from './sanitizePageData';
import {PAGE_DATA_VERSION, type ApiModel, type ComponentMap, type OperationModel, type PageJson, type SchemaModel} from './model';

/** The components named by `refs`, in their order. */
export function pickComponents(components: ComponentMap, refs: readonly string[]): ComponentMap {
  return Object.fromEntries(refs.filter((ref) => Object.hasOwn(components, ref)).map((ref) => [ref, components[ref]]));
}

export function operationPageJson(model: ApiModel, operation: OperationModel): PageJson {
  const {api, refs, shared} = operation.data;
  return {version: PAGE_DATA_VERSION, api, components: pickComponents(model.components, refs), shared};
}

/** The page's JSON: each schema as a ref, the components all of them reach, and their shared groups. */
export function schemaPageData(schemas: SchemaModel[], components: ComponentMap): PageJson {
  const refs = new Set(schemas.flatMap((schema) => schema.data.refs));
  return {
    version: PAGE_DATA_VERSION,
    schemas: Object.fromEntries(schemas.map((schema) => [schema.name, schema.data.schema])),
    components: pickComponents(components, [...refs].sort()),
    shared: [...new Set(schemas.flatMap((schema) => schema.data.shared))].sort(),
  };
}

/** `_openapi/shared/<id>.json`: a group's components, and the groups they name in turn. */
export function sharedFileJson(model: ApiModel, id: string): PageJson {
  const group = model.shared[id]!;
  return {version: PAGE_DATA_VERSION, components: pickComponents(model.components, group.refs), shared: group.shared};
}

/** What a static file is made of, by position in the model: small enough to cache in place of the file. */
export type StaticSource = {kind: 'operations' | 'webhooks'; index: number} | {kind: 'schemas'; names: string[]} | {kind: 'shared'; id: string};

/** The static files, made from the model: the same bytes for the same model and sources. */
export function staticFilesFrom(model: ApiModel, sources: Map<string, StaticSource>): Map<string, string> {
  // The theme renders the JSON's descriptions as Markdown with raw HTML on: sanitised on the way out
  // (ADR 0022), each component once however many pages carry it, then each page's own part.
  const sanitize = createPageDataSanitizer();
  const clean: ApiModel = {...model, components: sanitize(model.components) as ComponentMap};
  const schemaByName = new Map(model.schemas.map((schema) => [schema.name, schema]));
  const files = new Map<string, string>();
  for (const [file, source] of sources) {
    let json: PageJson;
    if (source.kind === 'shared') json = sharedFileJson(clean, source.id);
    else if (source.kind === 'schemas') {
      const page = schemaPageData(source.names.map((name) => schemaByName.get(name)!), clean.components);
      json = {...page, ...(sanitize({schemas: page.schemas}) as Pick<PageJson, 'schemas'>)};
    } else {
      const page = operationPageJson(clean, model[source.kind][source.index]!);
      json = {...page, ...(sanitize({api: page.api}) as Pick<PageJson, 'api'>)};
    }
    files.set(file, JSON.stringify(json));
  }
  return files;
}
