/**
 * Small builders for the mdast nodes generated pages use. They only shape data; escaping is the
 * writer's job (see writeMdx.ts), so any string may be passed to any of them.
 */
import type {
  BlockContent,
  Code,
  Heading,
  InlineCode,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Table,
  TableCell,
  Text,
  Strong,
  Emphasis,
} from 'mdast';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {MdxjsEsm} from 'mdast-util-mdx';

type Phrasing = PhrasingContent | string;

function phrasing(children: Phrasing[]): PhrasingContent[] {
  return children.map((child) => (typeof child === 'string' ? text(child) : child));
}

export const text = (value: string): Text => ({type: 'text', value});
export const inlineCode = (value: string): InlineCode => ({type: 'inlineCode', value});
export const strong = (...children: Phrasing[]): Strong => ({type: 'strong', children: phrasing(children)});
export const emphasis = (...children: Phrasing[]): Emphasis => ({type: 'emphasis', children: phrasing(children)});

/** Headings are one line: a newline inside would turn the text above it into a setext heading. */
export const heading = (depth: Heading['depth'], ...children: Phrasing[]): Heading => ({
  type: 'heading',
  depth,
  children: phrasing(children.map(oneLine)),
});

const HEADING_ID = /^[A-Za-z0-9_$.:-]+$/;

/**
 * A heading with an explicit id, written as the MDX comment Docusaurus reads it from
 * (`## Name {/* #id *\/}`), so links can name the anchor before the page exists. Only id characters
 * that cannot end the comment are accepted; anything else is a programming error, not user input.
 */
export function headingWithId(depth: Heading['depth'], id: string, ...children: Phrasing[]): Heading {
  if (!HEADING_ID.test(id)) throw new Error(`heading id has characters other than letters, digits and _$.:-: ${JSON.stringify(id)}`);
  const node = heading(depth, ...children, ' ');
  node.children.push({type: 'mdxTextExpression', value: `/* #${id} */`} as PhrasingContent);
  return node;
}

export const paragraph = (...children: Phrasing[]): Paragraph => ({type: 'paragraph', children: phrasing(children)});

export const link = (url: string, ...children: Phrasing[]): Link => ({type: 'link', url, children: phrasing(children)});

export const code = (value: string, lang?: string, meta?: string): Code => ({
  type: 'code',
  value,
  lang: lang ?? null,
  meta: meta ?? null,
});

export const list = (items: (Phrasing[] | BlockContent[])[], ordered = false): List => ({
  type: 'list',
  ordered,
  spread: false,
  children: items.map(
    (item): ListItem => ({
      type: 'listItem',
      spread: false,
      children: isBlockList(item) ? item : [paragraph(...item)],
    }),
  ),
});

function isBlockList(item: Phrasing[] | BlockContent[]): item is BlockContent[] {
  const blockTypes = new Set(['paragraph', 'list', 'code', 'table', 'heading', 'blockquote', 'mdxJsxFlowElement']);
  return item.length > 0 && typeof item[0] !== 'string' && blockTypes.has(item[0]!.type);
}

/** One table cell: a piece of phrasing, or several side by side (a type made of code spans and links). */
export type TableCellContent = Phrasing | Phrasing[];

/** A GFM table; every cell is phrasing content, so pipes and newlines in it are escaped. */
export const table = (header: TableCellContent[], rows: TableCellContent[][]): Table => ({
  type: 'table',
  align: header.map(() => null),
  children: [header, ...rows].map((cells) => ({
    type: 'tableRow',
    children: cells.map((cell): TableCell => ({type: 'tableCell', children: phrasing((Array.isArray(cell) ? cell : [cell]).map(oneLine))})),
  })),
});

/** Newlines become spaces, in a string or anywhere in a node (inline code, link text...). */
export function oneLine(value: Phrasing): Phrasing {
  if (typeof value === 'string') return value.replace(/\s*[\r\n]\s*/g, ' ');
  if (value.type === 'break') return text(' ');
  const node = {...value} as PhrasingContent & {value?: unknown; children?: PhrasingContent[]};
  if (typeof node.value === 'string') node.value = oneLine(node.value) as string;
  if (Array.isArray(node.children)) node.children = node.children.map((child) => oneLine(child) as PhrasingContent);
  return node;
}

export type JsxProps = Record<string, string | number | boolean | null | object | undefined>;

/**
 * A JSX element for a component the theme provides. Every prop is written as a JSON expression, which
 * MDX parses with a real JS parser, so a value can hold any character, quotes and braces included.
 */
export function jsxFlow(name: string, props: JsxProps = {}, children: MdxJsxFlowElement['children'] = []): MdxJsxFlowElement {
  return {type: 'mdxJsxFlowElement', name, attributes: attributes(props), children};
}

export function jsxText(name: string, props: JsxProps = {}, children: Phrasing[] = []): MdxJsxTextElement {
  return {type: 'mdxJsxTextElement', name, attributes: attributes(props), children: phrasing(children)};
}

function attributes(props: JsxProps): MdxJsxAttribute[] {
  return Object.entries(props)
    .filter(([, value]) => value !== undefined)
    .map(
      ([name, value]): MdxJsxAttribute => ({
        type: 'mdxJsxAttribute',
        name,
        value: {type: 'mdxJsxAttributeValueExpression', value: JSON.stringify(value)},
      }),
    );
}

/**
 * `import Name from "module";`, for a component a page uses that the theme does not provide globally.
 * Both come from our own code, never from a target; they are checked anyway, since ESM is code.
 */
export function importDefault(name: string, module: string): MdxjsEsm {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error(`importDefault: "${name}" is not a component name`);
  if (!/^[@\w./-]+$/.test(module)) throw new Error(`importDefault: "${module}" is not a module path`);
  return {type: 'mdxjsEsm', value: `import ${name} from ${JSON.stringify(module)};`};
}
