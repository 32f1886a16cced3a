import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import type {ContentTypeIndexData} from '@site/plugins/audience/types';
import PageMeta from './PageMeta';
import styles from './styles.module.css';

/** `/content-types/`: every page grouped by content type, then the tags with their pages' count. */
export default function ContentTypesPage({data}: {data: ContentTypeIndexData}): ReactNode {
  const contentTypes = Object.fromEntries(data.groups.filter((group) => group.id).map((group) => [group.id!, group.label]));
  return (
    <Layout title="Pages by content type" description="Every page of the site, grouped by kind: tutorials, guides, reference, runbooks, decisions.">
      <main className="container margin-vert--lg">
        <Heading as="h1">Pages by content type</Heading>
        <nav aria-label="Content types" className={styles.toc}>
          <ul>
            {data.groups.map((group) => (
              <li key={group.id ?? 'none'}>
                <a href={`#${group.id ?? 'not-classified'}`}>
                  {group.label} ({group.pages.length})
                </a>
              </li>
            ))}
            {data.tags.length > 0 ? (
              <li>
                <a href="#tags">Tags ({data.tags.length})</a>
              </li>
            ) : null}
          </ul>
        </nav>
        {data.groups.map((group) => (
          <section key={group.id ?? 'none'} aria-labelledby={group.id ?? 'not-classified'} className={styles.step}>
            <Heading as="h2" id={group.id ?? 'not-classified'}>
              {group.label}
            </Heading>
            {group.description ? <p className={styles.lead}>{group.description}</p> : null}
            <ul className={styles.pages}>
              {group.pages.map((page) => (
                <li key={page.permalink} className={styles.page}>
                  <Link to={page.permalink} className={styles.pageLink}>
                    {page.title}
                  </Link>
                  <PageMeta page={page} labels={data.labels} contentTypes={contentTypes} showType={false} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        {data.tags.length > 0 ? (
          <section aria-labelledby="tags" className={styles.step}>
            <Heading as="h2" id="tags">
              Tags
            </Heading>
            <ul className={styles.tags}>
              {data.tags.map((tag) => (
                <li key={tag.permalink}>
                  <Link to={tag.permalink}>{tag.label}</Link> <span className={styles.meta}>({tag.count} in {tag.section})</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </Layout>
  );
}
