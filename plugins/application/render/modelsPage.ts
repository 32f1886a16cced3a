/** The data models page: per folder, a class diagram and each model's fields. */
import type {PhrasingContent, RootContent} from 'mdast';
import {code, heading, headingWithId, inlineCode, link, paragraph, table, text} from '../../core/mdx/build';
import type {DataModel} from '../model';
import {createAnchors, type AppLinks} from './links';
import {MAX_BOXES, modelsDiagram} from './modelsDiagram';

export function renderModels(models: readonly DataModel[], links: AppLinks): RootContent[] {
  const anchor = createAnchors('model');
  const children: RootContent[] = [heading(1, 'Data models'), paragraph(`${models.length} ${models.length === 1 ? 'model' : 'models'}: the types, interfaces, classes and enums of the app's model folders and its ORM entities, by folder.`)];
  const groups = new Map<string, DataModel[]>();
  for (const model of models) groups.set(model.group, [...(groups.get(model.group) ?? []), model]);
  for (const [group, members] of groups) {
    children.push(heading(2, inlineCode(`${group}/`)));
    for (let start = 0; start < members.length; start += MAX_BOXES) children.push(code(modelsDiagram(group, members.slice(start, start + MAX_BOXES)), 'mermaid'));
    for (const model of members) {
      children.push(headingWithId(3, anchor(model.name), inlineCode(model.name)));
      const place = `${model.file}:${model.line}`;
      const url = links.code(model.id, model.file, model.line);
      const where: PhrasingContent[] = [text(`${model.kind[0]!.toUpperCase()}${model.kind.slice(1)} in `), url ? link(url, inlineCode(place)) : inlineCode(place)];
      if (model.extends.length > 0) where.push(text(', extends '), ...model.extends.flatMap((name, index) => (index === 0 ? [inlineCode(name)] : [text(', '), inlineCode(name)])));
      children.push(paragraph(...where, text('.')));
      if (model.description) children.push(paragraph(model.description));
      if (model.fields.length > 0) {
        children.push(table(model.kind === 'enum' ? ['Member', 'Value'] : ['Field', 'Type', 'Optional'], model.fields.map((field) => (model.kind === 'enum' ? [inlineCode(field.name), field.type ? inlineCode(field.type) : ''] : [inlineCode(field.name), field.type ? inlineCode(field.type) : '', field.optional ? 'yes' : 'no']))));
      }
    }
  }
  return children;
}
