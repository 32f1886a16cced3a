import {Fragment, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';
import {useActivePlugin, useDoc} from '@docusaurus/plugin-content-docs/client';
import {formatMinutes} from '@site/plugins/audience/formatMinutes';
import {FACTS_KEY, type AudienceGlobalData, type PageFacts} from '@site/plugins/audience/types';
import {EVERYONE, LEVEL_LABELS} from '@site/plugins/audience/vocabulary';
import styles from './styles.module.css';

/**
 * Who a page is for, its level, its reading time and its kind, as a labelled list above the title;
 * and, when its review is past due, a discreet note. The facts come from the page's front matter,
 * where the parseFrontMatter hook put them at build time.
 */
/**
 * Docs instances whose pages are read through: the authored guides (with the ADRs) and the History
 * section (fixed id, plugins/git-history). A computed reading time on a reference index or symbol
 * page ("About 48 min") helps nobody, so it shows only here; a time the author set shows anywhere.
 */
const READ_THROUGH = new Set(['default', 'history']);

export default function PageBadges(): ReactNode {
  const {frontMatter} = useDoc();
  const pluginId = useActivePlugin({failfast: false})?.pluginId;
  const data = usePluginData('docs-architect-audience') as AudienceGlobalData | undefined;
  const facts = (frontMatter as Record<string, unknown>)[FACTS_KEY] as PageFacts | undefined;
  if (!facts || !data) return null;
  const withPath = new Set(data.audiences.map((audience) => audience.id));
  const {audience, level, readingTime, contentType, review, maintainers} = facts;

  const badges: {key: string; name: string; value: ReactNode}[] = [];
  if (audience.length > 0) {
    badges.push({
      key: 'audience',
      name: 'For',
      value: audience.map((id, i) => (
        <Fragment key={id}>
          {i > 0 ? ', ' : null}
          {withPath.has(id) ? <Link to={`${data.audiencesPath}${id}/`}>{data.labels[id] ?? id}</Link> : id === EVERYONE ? 'everyone' : (data.labels[id] ?? id)}
        </Fragment>
      )),
    });
  }
  if (level) {
    badges.push({
      key: 'level',
      name: 'Level',
      value: level.from === level.to ? LEVEL_LABELS[level.from] : `${LEVEL_LABELS[level.from]} to ${LEVEL_LABELS[level.to].toLowerCase()}`,
    });
  }
  if (readingTime.minutes > 0 && (!readingTime.computed || READ_THROUGH.has(pluginId ?? ''))) {
    badges.push({key: 'time', name: 'Reading time', value: `${readingTime.computed ? 'About ' : ''}${formatMinutes(readingTime.minutes)}`});
  }
  if (contentType) {
    badges.push({
      key: 'type',
      name: 'Type',
      value: <Link to={`${data.contentTypesPath}#${contentType}`}>{data.contentTypes[contentType] ?? contentType}</Link>,
    });
  }
  if (badges.length === 0 && !review?.overdue) return null;

  return (
    <div className={styles.wrapper}>
      {badges.length > 0 ? (
        <ul className={styles.badges} aria-label="About this page">
          {badges.map((badge) => (
            <li key={badge.key} className={styles.badge} data-badge={badge.key}>
              <span className={styles.name}>{badge.name}:</span> {badge.value}
            </li>
          ))}
        </ul>
      ) : null}
      {review?.overdue ? (
        <p className={styles.review} role="note">
          Review due since {review.due}: last reviewed {review.lastReviewed}, reviewed {review.cycle}
          {maintainers.length > 0 ? ` by ${maintainers.join(', ')}` : ''}. Some details may be out of date.
        </p>
      ) : null}
    </div>
  );
}
