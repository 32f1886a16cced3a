import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';
import SectionCards from '@site/src/components/SectionCards';
import AudienceCards from '@site/src/components/AudienceCards';
import type {LandingData} from '@site/plugins/core/types';
import type {AudienceGlobalData} from '@site/plugins/audience/types';
import styles from './index.module.css';

/** The landing page presents the target: name, version, description, and a card per section it has. */
export default function Home(): ReactNode {
  const landing = usePluginData('docs-architect-core') as LandingData;
  const audience = usePluginData('docs-architect-audience') as AudienceGlobalData | undefined;
  return (
    <Layout title={landing.name} description={landing.description ?? `Documentation for ${landing.name}`}>
      <header className={styles.hero}>
        <div className="container">
          <Heading as="h1" className={styles.title}>
            {landing.name}
            {landing.version ? <span className={styles.version}>v{landing.version}</span> : null}
          </Heading>
          {landing.description ? <p className={styles.description}>{landing.description}</p> : null}
          {landing.repositoryUrl ? (
            <p>
              <Link href={landing.repositoryUrl}>Source repository</Link>
            </p>
          ) : null}
        </div>
      </header>
      <main className="container margin-vert--lg">
        <Heading as="h2">Sections</Heading>
        <SectionCards sections={landing.sections} />
        {audience && audience.audiences.length > 0 ? (
          <section aria-labelledby="paths-heading" className="margin-top--lg">
            <Heading as="h2" id="paths-heading">
              Find your reading path
            </Heading>
            <p>
              Pages ordered from beginner to advanced for each role. Or browse{' '}
              <Link to={audience.contentTypesPath} className={styles.inlineLink}>
                all pages by content type
              </Link>
              .
            </p>
            <AudienceCards audiences={audience.audiences} />
          </section>
        ) : null}
        {landing.notFound.length > 0 ? (
          <section className={styles.notFound} aria-labelledby="not-found-heading">
            <Heading as="h2" id="not-found-heading">
              Not found in this repository
            </Heading>
            <ul>
              {landing.notFound.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </main>
    </Layout>
  );
}
