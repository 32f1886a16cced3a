/**
 * One page per query, mutation and subscription: its signature with linked types, deprecation,
 * description, arguments, return type, the code that resolves it, and an example request, with
 * the explorer when the config names an endpoint (nothing is sent until the reader presses Run).
 */
import type {RootContent} from 'mdast';
import {code, heading, headingWithId, jsxFlow, paragraph, text} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import type {SiteView} from '../core/types';
import type {GraphqlSchemaModel, OperationModel} from './model';
import {argumentsTable, descriptionBlocks, descriptionInline, firstLine, resolverLink, signatureParts, sourceLink, typeRef, type Linker} from './renderParts';

export function renderOperation(op: OperationModel, schema: GraphqlSchemaModel, position: number, linker: Linker, site: SiteView): string {
  const children: RootContent[] = [heading(1, op.name)];
  children.push(jsxFlow('ApiBadges', {labels: [op.kind, ...(op.deprecated !== undefined ? ['deprecated'] : [])]}));
  if (op.deprecated !== undefined) children.push(jsxFlow('ApiDeprecated', {}, [paragraph({type: 'strong', children: [text('Deprecated')]}, ...(op.deprecated ? [text(': '), ...descriptionInline(op.deprecated)] : [text('.')]))]));
  children.push(jsxFlow('ApiSignature', {code: signatureParts(linker, `${op.kind} ${op.name}`, op.arguments, op.type)}));
  children.push(...descriptionBlocks(op.description));

  children.push(headingWithId(2, 'arguments', 'Arguments'));
  children.push(op.arguments.length > 0 ? argumentsTable(linker, op.arguments) : paragraph('None.'));

  children.push(headingWithId(2, 'returns', 'Returns'));
  const returned = schema.types.find((type) => type.name === op.type.name);
  children.push(paragraph(typeRef(linker, op.type), ...(returned ? [text(` (${returned.kind})`)] : [])));

  if (op.resolver || op.source) {
    children.push(headingWithId(2, 'source', 'Source'));
    if (op.resolver) children.push(paragraph('Resolved by ', resolverLink(site, op.resolver), '.'));
    if (op.source) children.push(paragraph('Defined in ', sourceLink(site, op.source), '.'));
  }

  children.push(headingWithId(2, 'example', 'Example'));
  children.push(code(op.example.query.trimEnd(), 'graphql'));
  if (op.example.variables.trim() !== '{}') children.push(paragraph('Variables:'), code(op.example.variables.trimEnd(), 'json'));
  if (schema.endpoint) {
    children.push(headingWithId(2, 'try-it', 'Try it'));
    children.push(jsxFlow('GraphqlExplorer', {endpoint: schema.endpoint, query: op.example.query, variables: op.example.variables}));
  }

  return writeMdx({
    frontMatter: {
      title: op.name,
      sidebar_label: op.name,
      sidebar_position: position,
      ...(op.deprecated !== undefined ? {sidebar_class_name: 'api-deprecated'} : {}),
      slug: `/${op.slug}`,
      description: firstLine(op.description) ?? `The ${op.kind} ${op.name} of ${schema.title}: returns ${op.type.text}.`,
      custom_edit_url: null,
    },
    children,
  });
}
