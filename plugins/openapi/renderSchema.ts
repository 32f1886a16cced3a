/**
 * Schema pages: the schemas of `components.schemas`, up to 50 on a page (the sidebar groups of
 * sidebarGroups.ts), each under its own heading, so the page's table of contents lists them. In MDX:
 * a schema's description and a static list of its first properties; in the browser, from the page's
 * JSON, the full expandable schema and an example (src/components/OpenApi/SchemaDetails). A page per
 * group rather than per schema keeps GitHub's 969 schemas to a few dozen pages (docs/adr/0019).
 */
import type {BlockContent, PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, jsxFlow, list, paragraph, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {markdownBlocks, markdownInline} from './markdown';
import type {SchemaModel} from './model';
import type {PageContext} from './renderOperation';

export interface SchemaPage {
  title: string;
  /** URL segment under `/<section>/schemas/`; '' for `/<section>/schemas/` itself. */
  slug: string;
  schemas: SchemaModel[];
}

export function renderSchemaPage(schemaPage: SchemaPage, page: PageContext): string {
  const {schemas} = schemaPage;
  const children: RootContent[] = [
    heading(1, schemaPage.title),
    paragraph(schemas.length === 1 ? 'One schema of the description.' : `${schemas.length} schemas of the description.`),
  ];
  for (const schema of schemas) {
    children.push(heading(2, schema.title));
    if (schema.deprecated) children.push(paragraph(text('Deprecated.')));
    children.push(...markdownBlocks(schema.description));
    children.push(jsxFlow('SchemaDetails', {name: schema.name}, summaryBlocks(schema)));
  }
  children.push(paragraph('Generated from ', inlineCode(page.sourceFile), ', ', inlineCode('components.schemas'), '.'));
  return writeMdx({
    frontMatter: {
      title: schemaPage.title,
      sidebar_label: schemaPage.title,
      sidebar_position: page.position,
      sidebar_class_name: 'api-schemas',
      slug: schemaPage.slug ? `/schemas/${schemaPage.slug}` : '/schemas',
      description: `${schemas.map((schema) => schema.title).slice(0, 12).join(', ')}${schemas.length > 12 ? '...' : ''}: schemas of the API.`,
      hide_title: true,
      custom_edit_url: null,
      openapi: {data: page.dataUrl, schemas: schemas.length},
    },
    children,
  });
}

function summaryBlocks(schema: SchemaModel): BlockContent[] {
  const blocks: BlockContent[] = [];
  if (schema.type) blocks.push(paragraph('Type: ', inlineCode(schema.type)));
  if (schema.properties.length > 0) {
    blocks.push(
      list(
        schema.properties.map((property): PhrasingContent[] => {
          const item: PhrasingContent[] = [inlineCode(property.name)];
          const facts = [property.type, property.required ? 'required' : undefined].filter(Boolean);
          if (facts.length > 0) item.push(text(` (${facts.join(', ')})`));
          const description = markdownInline(property.description);
          if (description.length > 0) item.push(text(': '), ...description);
          return item;
        }),
      ),
    );
  }
  return blocks;
}
