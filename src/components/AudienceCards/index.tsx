import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import {usePluginData} from '@docusaurus/useGlobalData';
import {formatMinutes} from '@site/plugins/audience/formatMinutes';
import type {AudienceGlobalData, AudienceSummary} from '@site/plugins/audience/types';
import styles from './styles.module.css';

/** A card per audience with its page count and reading time, linking to its reading path. */
export default function AudienceCards({audiences}: {audiences: AudienceSummary[]}): ReactNode {
  const data = usePluginData('docs-architect-audience') as AudienceGlobalData;
  return (
    <ul className={styles.cards}>
      {audiences.map((audience) => (
        <li key={audience.id} className={styles.card}>
          <Link to={`${data.audiencesPath}${audience.id}/`} className={styles.link}>
            <Heading as="h3" className={styles.title}>
              {audience.label}
            </Heading>
            {audience.description ? <p className={styles.text}>{audience.description}</p> : null}
            <span className={styles.facts}>
              {audience.pages} {audience.pages === 1 ? 'page' : 'pages'} · {formatMinutes(audience.minutes)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
