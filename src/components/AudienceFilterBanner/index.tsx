import type {ReactNode} from 'react';
import clsx from 'clsx';
import {usePluginData} from '@docusaurus/useGlobalData';
import type {AudienceGlobalData} from '@site/plugins/audience/types';
import {useChooseAudience} from '@site/src/components/AudienceSwitcher/store';
import styles from './styles.module.css';

/**
 * "Filtered for SREs and operators · Show all", first in the sidebar. It is rendered on the server
 * with a label per audience, and CSS shows the banner and the chosen label from the attribute the
 * head script set, so it is in place at the first paint instead of pushing the sidebar down later.
 */
export default function AudienceFilterBanner(): ReactNode {
  const data = usePluginData('docs-architect-audience') as AudienceGlobalData | undefined;
  const choose = useChooseAudience();
  if (!data || data.audiences.length === 0) return null;
  return (
    <li className={clsx('da-filter-banner', styles.banner)}>
      <p className={styles.text}>
        Filtered for{' '}
        {data.known.map((id) => (
          <strong key={id} className="da-filter-label" data-for={id}>
            {data.labels[id] ?? id}
          </strong>
        ))}
        <span aria-hidden="true"> · </span>
        <button type="button" className={styles.showAll} onClick={() => choose(null)}>
          Show all
        </button>
      </p>
    </li>
  );
}
