import type {ReactNode} from 'react';
import {formatMinutes} from '@site/plugins/audience/formatMinutes';
import type {PageEntry} from '@site/plugins/audience/types';
import {LEVEL_LABELS} from '@site/plugins/audience/vocabulary';
import styles from './styles.module.css';

/** One line of facts under a page's link: section, type, level, audiences, reading time. */
export default function PageMeta({
  page,
  labels,
  contentTypes,
  showLevel = true,
  showType = true,
}: {
  page: PageEntry;
  labels: Record<string, string>;
  contentTypes: Record<string, string>;
  showLevel?: boolean;
  showType?: boolean;
}): ReactNode {
  const {facts} = page;
  const parts: string[] = [page.section];
  if (showType && facts.contentType) parts.push(contentTypes[facts.contentType] ?? facts.contentType);
  if (showLevel && facts.level) {
    parts.push(facts.level.from === facts.level.to ? LEVEL_LABELS[facts.level.from] : `${LEVEL_LABELS[facts.level.from]} to ${LEVEL_LABELS[facts.level.to].toLowerCase()}`);
  }
  if (facts.audience.length > 0) parts.push(`for ${facts.audience.map((id) => labels[id] ?? id).join(', ')}`);
  if (facts.readingTime.minutes > 0) parts.push(formatMinutes(facts.readingTime.minutes));
  return <span className={styles.meta}>{parts.join(' · ')}</span>;
}
