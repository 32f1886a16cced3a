import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {useAllDocsData} from '@docusaurus/plugin-content-docs/client';
import Heading from '@theme/Heading';
import type {LandingData} from '@site/plugins/core/types';
import styles from './styles.module.css';

/** The first page of a section's sidebar: a docs folder need not have an index page. */
function useSectionLinks(sections: LandingData['sections']): Record<string, string> {
  const allDocs = useAllDocsData();
  return Object.fromEntries(
    sections.map((section) => {
      const pluginId = section.kind === 'authored' ? 'default' : section.id;
      const version = allDocs[pluginId]?.versions[0];
      const first = version?.sidebars?.default?.link?.path ?? version?.path;
      return [section.id, first ?? `/${section.to}`];
    }),
  );
}

export default function SectionCards({sections}: {sections: LandingData['sections']}): ReactNode {
  const links = useSectionLinks(sections);
  if (sections.length === 0) {
    return <p>This repository has no section docs-architect could generate yet.</p>;
  }
  return (
    <ul className={styles.cards}>
      {sections.map((section) => (
        <li key={section.id} className={styles.card}>
          <Link to={links[section.id]} className={styles.link}>
            <Heading as="h3" className={styles.cardTitle}>
              {section.title}
            </Heading>
            <p className={styles.cardText}>{section.description}</p>
            <span className={styles.kind}>{section.kind === 'generated' ? 'Generated from the code' : 'Written by the team'}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
