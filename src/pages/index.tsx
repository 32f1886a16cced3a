import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import {usePluginData} from '@docusaurus/useGlobalData';
import SectionCards from '@site/src/components/SectionCards';
import type {LandingData} from '@site/plugins/core/types';
import styles from './index.module.css';

/** The landing page presents the target: name, version, description, and a card per section it has. */
export default function Home(): ReactNode {
  const landing = usePluginData('docs-architect-core') as LandingData;
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
