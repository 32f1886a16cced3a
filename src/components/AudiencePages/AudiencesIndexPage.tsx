import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';
import type {AudienceGlobalData, AudienceSummary} from '@site/plugins/audience/types';
import AudienceCards from '@site/src/components/AudienceCards';
import styles from './styles.module.css';

/** `/audiences/`: one card per audience with pages, or how to tag pages when none is. */
export default function AudiencesIndexPage({data}: {data: {audiences: AudienceSummary[]}}): ReactNode {
  const global = usePluginData('docs-architect-audience') as AudienceGlobalData;
  return (
    <Layout title="Reading paths" description="Pick who you are: each reading path orders the pages for you from beginner to advanced.">
      <main className="container margin-vert--lg">
        <Heading as="h1">Reading paths</Heading>
        {data.audiences.length > 0 ? (
          <>
            <p className={styles.lead}>
              Pick who you are. Each path orders the pages written for that role from beginner to advanced, with reading times; the
              audience switcher in the navigation bar filters the sidebars the same way. Pages for everyone appear on every path.
            </p>
            <AudienceCards audiences={data.audiences} />
          </>
        ) : (
          <p className={styles.lead}>
            No page of this site says who it is for yet. Add <code>audience</code>, <code>experience_level</code> and{' '}
            <code>content_type</code> to the front matter of its pages to get a reading path per role.
          </p>
        )}
        <p>
          See also{' '}
          <Link to={global.contentTypesPath} className={styles.inlineLink}>
            all pages by content type
          </Link>
          .
        </p>
      </main>
    </Layout>
  );
}
