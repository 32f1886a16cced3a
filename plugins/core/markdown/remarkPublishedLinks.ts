/**
 * Links from authored pages to a file another section publishes (`[ADR 1](./adr/0001-x.md)`, when
 * the history section publishes the decision records): the file is left out of the authored docs,
 * so the link is pointed at the page that publishes it, keeping its `#anchor`.
 */
import path from 'node:path';
import type {PublishedFile} from '../types';

interface LinkNode {
  type: string;
  url?: string;
  children?: LinkNode[];
}

export interface PublishedLinksOptions {
  /** The authored docs folder (absolute). */
  docsDir: string;
  /** Files relative to docsDir, with the route that publishes each. */
  published: PublishedFile[];
}

export function remarkPublishedLinks(options: PublishedLinksOptions) {
  const routes = new Map(options.published.map(({file, route}) => [path.join(options.docsDir, file), `/${route}`]));
  return (tree: LinkNode, file: {path?: string}) => {
    if (routes.size === 0 || !file.path) return;
    const from = path.dirname(file.path);
    const visit = (node: LinkNode) => {
      if ((node.type === 'link' || node.type === 'definition') && node.url && !/^[a-z][a-z\d+.-]*:|^\/|^#/i.test(node.url)) {
        const [target = '', hash = ''] = node.url.split(/(?=#)/);
        const route = routes.get(path.resolve(from, decodeURIComponent(target)));
        if (route) node.url = `${route}${hash}`;
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
