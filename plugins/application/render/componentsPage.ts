/**
 * The component catalog: one heading per component, grouped by folder, with its props table, the
 * components it renders and is rendered by, a usage example, and links to its source and reference.
 */
import path from 'node:path';
import type {PhrasingContent, RootContent} from 'mdast';
import {code, emphasis, heading, headingWithId, inlineCode, link, paragraph, table, text} from '../../core/mdx/build';
import type {ComponentModel} from '../model';
import {createAnchors, type AppLinks} from './links';

export function componentAnchors(components: readonly ComponentModel[]): Map<string, string> {
  const anchor = createAnchors('component');
  return new Map(components.map((component) => [component.id, anchor(component.name)]));
}

export function renderComponents(components: readonly ComponentModel[], links: AppLinks, anchors: ReadonlyMap<string, string>): RootContent[] {
  const byId = new Map(components.map((component) => [component.id, component]));
  const children: RootContent[] = [
    heading(1, 'Components'),
    paragraph(`${components.length} ${components.length === 1 ? 'component' : 'components'} found by shape (functions and classes returning JSX, forwardRef, memo, Vue and Svelte files), grouped by folder.`),
  ];
  let folder: string | undefined;
  for (const component of components) {
    const dir = path.posix.dirname(component.file);
    if (dir !== folder) {
      folder = dir;
      children.push(heading(2, inlineCode(dir === '.' ? '(root)' : `${dir}/`)));
    }
    children.push(headingWithId(3, anchors.get(component.id)!, inlineCode(component.name)));
    const where: PhrasingContent[] = [text(`${shapeLabel(component.shape)}${component.exported ? '' : ', not exported'}, in `)];
    const source = links.source(component.file, component.line);
    const place = `${component.file}:${component.line}`;
    where.push(source ? link(source, inlineCode(place)) : inlineCode(place));
    const reference = links.code(component.id, component.file, component.line);
    if (reference && reference !== source) where.push(text(' ('), link(reference, 'code reference'), text(')'));
    where.push(text('.'));
    children.push(paragraph(...where));
    if (component.description) children.push(paragraph(component.description));
    children.push(...propsTable(component));
    const ref = (id: string | undefined, name: string): PhrasingContent => {
      const anchor = id ? anchors.get(id) : undefined;
      return anchor ? link(`#${anchor}`, inlineCode(byId.get(id!)?.name ?? name)) : inlineCode(name);
    };
    if (component.renders.length > 0) children.push(paragraph(strongLabel('Renders:'), text(' '), ...joined(component.renders.map((r) => ref(r.id, r.name)))));
    if (component.renderedBy.length > 0) children.push(paragraph(strongLabel('Rendered by:'), text(' '), ...joined(component.renderedBy.map((id) => ref(id, id)))));
    if (component.example) {
      const example = component.example;
      const exampleSource = links.source(example.file, example.line);
      const label = example.from === 'story' ? `Story ${example.title ?? ''}`.trim() : example.title ? `Test "${example.title}"` : 'Test';
      const file = exampleSource ? link(exampleSource, inlineCode(example.file)) : inlineCode(example.file);
      children.push(paragraph(strongLabel('Example:'), text(` ${label}, from `), file, text(':')), code(example.code, /\.[cm]?jsx?$/.test(example.file) ? 'jsx' : 'tsx'));
    }
  }
  return children;
}

/** `**Props:** ` — the space stays outside the strong text, where Markdown keeps it as a space. */
function strongLabel(label: string): PhrasingContent {
  return {type: 'strong', children: [text(label.trimEnd())]};
}

function joined(items: PhrasingContent[]): PhrasingContent[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [text(', '), item]));
}

function shapeLabel(shape: ComponentModel['shape']): string {
  return {function: 'Function component', class: 'Class component', forwardRef: 'Component made with forwardRef', memo: 'Component made with memo', vue: 'Vue single-file component', svelte: 'Svelte component'}[shape];
}

function propsTable(component: ComponentModel): RootContent[] {
  const intro: RootContent[] = [];
  if (component.propsType || component.propsExtends.length > 0) {
    const parts: PhrasingContent[] = [strongLabel('Props:'), text(' ')];
    if (component.propsType) parts.push(inlineCode(component.propsType));
    if (component.propsExtends.length > 0) parts.push(text(component.propsType ? ', with the props of ' : 'the props of '), ...joined(component.propsExtends.map((name) => inlineCode(name))));
    intro.push(paragraph(...parts));
  }
  if (component.props.length === 0) return [...intro, paragraph(emphasis('No props found.'))];
  return [
    ...intro,
    table(
      ['Prop', 'Type', 'Required', 'Default', 'Description'],
      component.props.map((prop) => [inlineCode(prop.name), prop.type ? inlineCode(prop.type) : '', prop.required ? 'yes' : 'no', prop.default !== undefined ? inlineCode(prop.default) : '', prop.description ?? '']),
    ),
  ];
}
