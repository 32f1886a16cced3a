/**
 * The citations of one page: every `<CodeSnippet>`, `<SymbolLink>`, `<ApiOperation>` and `<EnvVar>`
 * element of its MDX tree, with its place and its props. A prop must be a plain string: an
 * expression (`symbol={name}`) cannot be checked before the page runs, so it is reported instead.
 */
import type {Nodes, Root} from 'mdast';
import {CITATION_COMPONENTS, type CitationComponent} from '../core/authored/citationComponents';

export interface PageCitation {
  component: CitationComponent;
  line: number;
  /** Offsets of the whole element in the page's text. */
  start: number;
  end: number;
  /** A flow element stands alone on its lines; a text element sits inside a paragraph. */
  flow: boolean;
  props: Record<string, string>;
  /** Props that are not plain strings, by name. */
  unreadable: string[];
  /** Where its children begin, for an element written with children (`<SymbolLink name="x">the text</SymbolLink>`). */
  childrenStart?: number;
}

const NAMES = new Set<string>(CITATION_COMPONENTS);

export function collectCitations(tree: Root): PageCitation[] {
  const found: PageCitation[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && NAMES.has(node.name) && node.position) {
      const props: Record<string, string> = {};
      const unreadable: string[] = [];
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') {
          unreadable.push('{...}');
          continue;
        }
        if (typeof attribute.value === 'string') props[attribute.name] = attribute.value;
        else if (attribute.value === null || attribute.value === undefined) props[attribute.name] = 'true';
        else unreadable.push(attribute.name);
      }
      found.push({
        component: node.name as CitationComponent,
        line: node.position.start.line,
        start: node.position.start.offset!,
        end: node.position.end.offset!,
        flow: node.type === 'mdxJsxFlowElement',
        props,
        unreadable,
        ...(node.children[0]?.position ? {childrenStart: node.children[0].position.start.offset!} : {}),
      });
      return;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return found;
}
