/**
 * One page per schema of `components.schemas`: its description and a static list of its first
 * properties in MDX; the full expandable schema and an example are rendered in the browser from the
 * page's JSON (src/components/OpenApi/SchemaDetails).
 */
import type {BlockContent, PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, jsxFlow, list, paragraph, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {markdownBlocks, markdownInline} from './markdown';
import type {SchemaModel} from './model';
import {firstLine, type PageContext} from './renderOperation';

export function renderSchema(schema: SchemaModel, page: PageContext): string {
  const children: RootContent[] = [heading(1, schema.title)];
  if (schema.deprecated) children.push(paragraph(text('Deprecated.')));
  children.push(...markdownBlocks(schema.description));
  children.push(jsxFlow('SchemaDetails', {}, summaryBlocks(schema)));
  children.push(paragraph('Generated from ', inlineCode(page.sourceFile), ', ', inlineCode(`components.schemas.${schema.name}`), '.'));
  return writeMdx({
    frontMatter: {
      title: schema.title,
      sidebar_label: schema.title,
      sidebar_position: page.position,
      sidebar_class_name: schema.deprecated ? 'api-schema menu__list-item--deprecated' : 'api-schema',
      slug: `/schemas/${schema.slug}`,
      description: firstLine(schema.description) ?? `The ${schema.title} schema.`,
      hide_title: true,
      hide_table_of_contents: true,
      custom_edit_url: null,
      openapi: {data: page.dataUrl, schema: schema.name},
    },
    children,
  });
}

function summaryBlocks(schema: SchemaModel): BlockContent[] {
  const blocks: BlockContent[] = [];
  if (schema.type) blocks.push(paragraph('Type: ', inlineCode(schema.type)));
  if (schema.properties.length > 0) {
    blocks.push(heading(2, 'Properties'));
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
