/**
 * Wraps a doc page's content (swizzle --wrap): the audience, level, reading time and content type
 * badges, and a review-due notice, sit just above the title, where Docusaurus puts its version badge;
 * the link to the page's Markdown copy floats beside them.
 */
import type {ReactNode} from 'react';
import Content from '@theme-original/DocItem/Content';
import type ContentType from '@theme/DocItem/Content';
import type {WrapperProps} from '@docusaurus/types';
import MarkdownLink from '@site/src/components/MarkdownLink';
import PageBadges from '@site/src/components/PageBadges';
import {useDoc} from '@docusaurus/plugin-content-docs/client';
import {DriftNotice, type DriftFacts} from '@site/src/components/LivingDocs';

type Props = WrapperProps<typeof ContentType>;

export default function ContentWrapper(props: Props): ReactNode {
  // Set by the build on a hand-written page whose covered code moved on (plugins/living-docs/rewrite.ts).
  const drift = (useDoc().frontMatter as Record<string, unknown>).docs_architect_drift as DriftFacts | undefined;
  return (
    <>
      <MarkdownLink />
      <PageBadges />
      <DriftNotice drift={drift} />
      <Content {...props} />
    </>
  );
}
