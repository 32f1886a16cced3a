/**
 * "View as Markdown": a link to the page's clean Markdown copy, which the core plugin writes after
 * the build at the page's route plus `.md` (plugins/core/site/llms.ts). Also announced in the head
 * as an alternate, for programs that read the HTML first. A plain anchor, not a Link: the copy is a
 * file, not a route of the app.
 */
import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import styles from './styles.module.css';

/** Same rule as markdownRoute in plugins/core/site/llms.ts: `/a/b/` → `/a/b.md`, `/` → `/index.md`. */
function markdownHref(permalink: string): string {
  const trimmed = permalink.replace(/\/+$/, '');
  return trimmed === '' ? '/index.md' : `${trimmed}.md`;
}

export default function MarkdownLink(): ReactNode {
  const {metadata} = useDoc();
  const href = markdownHref(metadata.permalink);
  return (
    <>
      <Head>
        <link rel="alternate" type="text/markdown" href={href} />
      </Head>
      <p className={styles.markdownLink}>
        <a href={href} type="text/markdown">
          View as Markdown
        </a>
      </p>
    </>
  );
}
