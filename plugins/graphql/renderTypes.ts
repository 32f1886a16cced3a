/**
 * The type pages: each kind's types, a bounded number per page, each under a heading whose anchor
 * is its name (the link index points there). Per type: kind and interfaces, description, fields
 * (with arguments, deprecation and the code that resolves them), enum values, union members or
 * implementations, and where the type is used.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {headingWithId, inlineCode, jsxFlow, link, paragraph, table, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import type {SiteView} from '../core/types';
import {anchorOf, type FieldModel, type GraphqlSchemaModel, type TypeModel, type TypePage} from './model';
import {deprecatedThen, descriptionBlocks, resolverLink, sourceLink, typeRef, type Linker} from './renderParts';

/** A type used in more places than this lists the first ones and counts the rest. */
const MAX_USED_BY = 60;

export function renderTypePage(page: TypePage, schema: GraphqlSchemaModel, position: number, linker: Linker, site: SiteView): string {
  const byName = new Map(schema.types.map((type) => [type.name, type]));
  const children: RootContent[] = [{type: 'heading', depth: 1, children: [text(page.title)]}];
  for (const name of page.types) children.push(...typeEntry(byName.get(name)!, linker, site));
  return writeMdx({
    frontMatter: {
      title: page.title,
      sidebar_label: page.title,
      sidebar_position: position,
      slug: `/${page.slug}`,
      description: `${page.types.slice(0, 12).join(', ')}${page.types.length > 12 ? '...' : ''}: types of ${schema.title}.`,
      custom_edit_url: null,
      toc_max_heading_level: 2,
    },
    children,
  });
}

function typeEntry(type: TypeModel, linker: Linker, site: SiteView): RootContent[] {
  const out: RootContent[] = [headingWithId(2, anchorOf(type.name), type.name)];
  out.push(jsxFlow('ApiBadges', {labels: [type.kind, ...type.interfaces.map((name) => `implements ${name}`)]}));
  out.push(...descriptionBlocks(type.description));
  if (type.specifiedBy) out.push(paragraph('Specified by ', /^https?:/i.test(type.specifiedBy) ? link(type.specifiedBy, type.specifiedBy) : inlineCode(type.specifiedBy), '.'));
  if (type.fields.length > 0) out.push(fieldsTable(type, linker, site));
  if (type.values.length > 0) out.push(table(['Value', 'Description'], type.values.map((value) => [inlineCode(value.name), deprecatedThen(value.deprecated, value.description)])));
  if (type.interfaces.length > 0) out.push(paragraph('Implements ', ...names(type.interfaces, linker.typeUrl), '.'));
  if (type.possibleTypes.length > 0) out.push(paragraph(type.kind === 'union' ? 'One of ' : 'Implemented by ', ...names(type.possibleTypes, linker.typeUrl), '.'));
  if (type.usedBy.length > 0) {
    const shown = type.usedBy.slice(0, MAX_USED_BY);
    const more = type.usedBy.length - shown.length;
    out.push(paragraph('Used by ', ...names(shown, linker.placeUrl), more > 0 ? ` and ${more} more.` : '.'));
  }
  if (type.source) out.push(paragraph('Defined in ', sourceLink(site, type.source), '.'));
  return out;
}

function fieldsTable(type: TypeModel, linker: Linker, site: SiteView) {
  const withResolvers = type.fields.some((field) => field.resolver);
  const header = [type.kind === 'input' ? 'Input field' : 'Field', 'Type', 'Description', ...(withResolvers ? ['Resolver'] : [])];
  return table(
    header,
    type.fields.map((field) => [inlineCode(field.name), typeRef(linker, field.type), fieldDescription(field, linker), ...(withResolvers ? [field.resolver ? resolverLink(site, field.resolver) : ''] : [])]),
  );
}

function fieldDescription(field: FieldModel, linker: Linker): PhrasingContent[] {
  const out = deprecatedThen(field.deprecated, field.description);
  if (field.defaultValue !== undefined) out.push(text(out.length > 0 ? ' Default: ' : 'Default: '), inlineCode(field.defaultValue), text('.'));
  if (field.arguments.length > 0) {
    out.push(text(out.length > 0 ? ' Arguments: ' : 'Arguments: '));
    field.arguments.forEach((arg, index) => {
      out.push(text(index === 0 ? '' : ', '), inlineCode(arg.name), text(': '), typeRef(linker, arg.type));
      if (arg.defaultValue !== undefined) out.push(text(' = '), inlineCode(arg.defaultValue));
    });
    out.push(text('.'));
  }
  return out;
}

/** Names as code, linked when the index knows them, separated by commas. */
function names(list: string[], urlOf: (name: string) => string | undefined): PhrasingContent[] {
  return list.flatMap((name, index) => {
    const url = urlOf(name);
    const node = url ? link(url, inlineCode(name)) : inlineCode(name);
    return index === 0 ? [node] : [text(', '), node];
  });
}
