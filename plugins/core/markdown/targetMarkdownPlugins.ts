/**
 * The remark and rehype plugins every docs instance runs, so that no page, authored or generated,
 * hands a reader script or a `javascript:` link (docs/adr/0022):
 *
 * - remarkSafeLinks: a Markdown link, image or definition whose address the URL rule refuses keeps its
 *   text and loses the address (React 19 turns `javascript:` hrefs into a throwing `javascript:`, and
 *   does nothing about `data:`).
 * - remarkUntrustedMdx (`--untrusted` only, authored pages): imports, exports, `{expressions}` and
 *   JSX written by the author are not compiled: JSX keeps its text, the rest is dropped, so a pull
 *   request's page runs nothing at build time or in the browser.
 * - rehypeSafeHtml: raw HTML (an element in the page's hast) follows htmlPolicy.ts unless the config
 *   trusts authored HTML; URL attributes of JSX elements with a literal value follow the URL rule
 *   always.
 */
import {attributeAllowed, tagVerdict} from './htmlPolicy';
import {isSafeUrl} from './urlPolicy';

/** What a target may run in its pages: from the config's `authoredHtml` and `--untrusted`. */
export interface MarkdownTrust {
  /** Raw HTML in authored pages: kept as written, or reduced to the allowlist (the default). */
  authoredHtml: 'sanitize' | 'trust';
  /** A build of input nobody vouched for (a pull request): no HTML trusted, no MDX code compiled. */
  untrusted: boolean;
}

interface AnyNode {
  type: string;
  url?: string;
  alt?: string | null;
  name?: string | null;
  tagName?: string;
  value?: unknown;
  properties?: Record<string, unknown>;
  attributes?: {type: string; name?: string; value?: unknown}[];
  children?: AnyNode[];
}

type Transformer = (tree: AnyNode) => void;

/** remark/rehype plugin options for one docs instance (`authored` for the target's own docs). */
export function markdownPluginOptions(trust: MarkdownTrust, authored: boolean) {
  const sanitizeHtml = !authored || trust.untrusted || trust.authoredHtml !== 'trust';
  return {
    beforeDefaultRemarkPlugins: [remarkSafeLinks, ...(authored && trust.untrusted ? [remarkUntrustedMdx] : [])],
    rehypePlugins: [[rehypeSafeHtml, {sanitizeHtml}]] as [typeof rehypeSafeHtml, {sanitizeHtml: boolean}][],
  };
}

/** Rebuilds a parent's children, each child mapped to zero or more nodes. */
function mapChildren(node: AnyNode, map: (child: AnyNode) => AnyNode[]): void {
  if (!node.children) return;
  node.children = node.children.flatMap(map);
}

export function remarkSafeLinks(): Transformer {
  const visit = (node: AnyNode): AnyNode[] => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && typeof node.url === 'string' && !isSafeUrl(node.url.trim())) {
      if (node.type === 'image') return [{type: 'text', value: node.alt ?? ''}];
      if (node.type === 'definition') return [];
      mapChildren(node, visit);
      return node.children ?? [];
    }
    mapChildren(node, visit);
    return [node];
  };
  return (tree) => mapChildren(tree, visit);
}

const MDX_CODE = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

export function remarkUntrustedMdx(): Transformer {
  const visit = (node: AnyNode): AnyNode[] => {
    if (MDX_CODE.has(node.type)) return [];
    mapChildren(node, visit);
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      // A flow element's children are blocks, a text element's phrasing: either fits where it stood.
      return node.children ?? [];
    }
    return [node];
  };
  return (tree) => mapChildren(tree, visit);
}

export function rehypeSafeHtml(options: {sanitizeHtml: boolean}): Transformer {
  const visit = (node: AnyNode): AnyNode[] => {
    if (node.type === 'element' && options.sanitizeHtml) {
      const verdict = tagVerdict(node.tagName ?? '');
      if (verdict === 'drop') return [];
      mapChildren(node, visit);
      if (verdict === 'unwrap') return node.children ?? [];
      node.properties = Object.fromEntries(Object.entries(node.properties ?? {}).filter(([name, value]) => attributeAllowed(name, value)));
      return [node];
    }
    if (node.type === 'element') {
      // Trusted HTML keeps its markup, but still no script address.
      node.properties = Object.fromEntries(Object.entries(node.properties ?? {}).filter(([name, value]) => !isUrlProperty(name) || attributeAllowed(name, value)));
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      node.attributes = (node.attributes ?? []).filter(
        (attribute) => attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string' || !isUrlProperty(attribute.name ?? '') || attributeAllowed(attribute.name ?? '', attribute.value),
      );
    }
    if (node.type === 'raw' && options.sanitizeHtml) return [];
    mapChildren(node, visit);
    return [node];
  };
  return (tree) => mapChildren(tree, visit);
}

function isUrlProperty(name: string): boolean {
  return /^(href|src|srcset|action|formaction|poster|data|xlinkhref|xlink:href|cite|background)$/i.test(name);
}
