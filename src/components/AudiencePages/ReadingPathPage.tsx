import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {formatMinutes} from '@site/plugins/audience/formatMinutes';
import type {ReadingPathData} from '@site/plugins/audience/types';
import {LEVEL_LABELS} from '@site/plugins/audience/vocabulary';
import {useAudience, useChooseAudience} from '@site/src/components/AudienceSwitcher/store';
import PageMeta from './PageMeta';
import styles from './styles.module.css';

/** An absolute URL of the path's first page that chooses the audience for whoever opens it. */
function shareLink(siteUrl: string, permalink: string, trailingSlash: boolean | undefined, audience: string): string {
  const pathname = trailingSlash && !permalink.endsWith('/') ? `${permalink}/` : permalink;
  return `${siteUrl}${pathname}?audience=${encodeURIComponent(audience)}`;
}

/** `/audiences/<id>/`: the audience's pages from beginner to advanced, with reading times and a total. */
export default function ReadingPathPage({data}: {data: ReadingPathData}): ReactNode {
  const {audience, steps, minutes, labels, contentTypes} = data;
  const {siteConfig} = useDocusaurusContext();
  const chosen = useAudience();
  const choose = useChooseAudience();
  const first = steps[0]?.pages[0];
  const shareUrl = first ? shareLink(siteConfig.url, first.permalink, siteConfig.trailingSlash, audience.id) : undefined;
  let number = 0;
  return (
    <Layout title={`Reading path for ${audience.label}`} description={audience.description ?? `The pages for ${audience.label}, from beginner to advanced.`}>
      <main className="container margin-vert--lg">
        <Heading as="h1">Reading path for {audience.label}</Heading>
        {audience.description ? <p className={styles.lead}>{audience.description}</p> : null}
        <p className={styles.total}>
          {audience.pages} {audience.pages === 1 ? 'page' : 'pages'} · {formatMinutes(minutes)} in total, from beginner to advanced.
        </p>
        <div className={styles.actions}>
          {chosen === audience.id ? (
            <p className={styles.filtered}>The sidebars are filtered for {audience.label}.</p>
          ) : (
            <button type="button" className="button button--primary" onClick={() => choose(audience.id)}>
              Filter the sidebars for {audience.label}
            </button>
          )}
          {shareUrl ? (
            <p className={styles.share}>
              Share the filtered site:{' '}
              <Link href={shareUrl} className={styles.inlineLink}>
                {shareUrl}
              </Link>
            </p>
          ) : null}
        </div>
        {steps.map((step) => {
          const start = number + 1;
          number += step.pages.length;
          const headingId = `level-${step.level ?? 'any'}`;
          return (
            <section key={headingId} aria-labelledby={headingId} className={styles.step}>
              <Heading as="h2" id={headingId}>
                {step.level ? LEVEL_LABELS[step.level] : 'Any level'}
                <span className={styles.stepTime}> · {formatMinutes(step.minutes)}</span>
              </Heading>
              <ol start={start} className={styles.pages}>
                {step.pages.map((page) => (
                  <li key={page.permalink} className={styles.page}>
                    <Link to={page.permalink} className={styles.pageLink}>
                      {page.title}
                    </Link>
                    <PageMeta page={page} labels={labels} contentTypes={contentTypes} showLevel={false} />
                    {page.description ? <p className={styles.description}>{page.description}</p> : null}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </main>
    </Layout>
  );
}
