import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {usePluginData} from '@docusaurus/useGlobalData';
import type {AudienceGlobalData} from '@site/plugins/audience/types';
import {useAudience, useAudienceFromUrl, useChooseAudience} from './store';
import styles from './styles.module.css';

const PLUGIN_NAME = 'docs-architect-audience';

/**
 * The navbar's audience switcher (navbar item type `custom-audienceSwitcher`). A native <select>
 * with a visible label: keyboard and screen readers know it without extra ARIA. Its width is fixed
 * so that the value it takes after hydration shifts nothing; a polite live region says what the
 * sidebars now show.
 */
export default function AudienceSwitcher({mobile}: {mobile?: boolean}): ReactNode {
  const data = usePluginData(PLUGIN_NAME) as AudienceGlobalData | undefined;
  const known = data?.known ?? EMPTY;
  const audience = useAudience();
  const choose = useChooseAudience();
  useAudienceFromUrl(known);
  const id = useId();
  const announcement = useAnnouncement(audience, data?.labels ?? {});

  if (!data || data.audiences.length === 0) return null;
  const options = data.audiences.map(({id: value, label}) => ({value, label}));
  // A remembered audience with no page on this site is still shown as chosen, not silently dropped.
  if (audience && !options.some((option) => option.value === audience)) {
    options.push({value: audience, label: data.labels[audience] ?? audience});
  }
  const content = (
    <>
      <label htmlFor={id} className={styles.label}>
        Audience
      </label>
      <select id={id} className={styles.select} value={audience ?? ''} onChange={(event) => choose(event.target.value || null)}>
        <option value="">All readers</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <span role="status" className={styles.visuallyHidden}>
        {announcement}
      </span>
    </>
  );
  return mobile ? (
    <li className={clsx('menu__list-item', styles.switcher, styles.mobile)}>{content}</li>
  ) : (
    <div className={clsx('navbar__item', styles.switcher)}>{content}</div>
  );
}

const EMPTY: string[] = [];

/** A sentence after each change of audience, none for the value found on load. */
function useAnnouncement(audience: string | null, labels: Record<string, string>): string {
  const [message, setMessage] = useState('');
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (previous.current !== undefined && previous.current !== audience) {
      setMessage(audience ? `Sidebars filtered for ${labels[audience] ?? audience}.` : 'Sidebars show pages for all readers.');
    }
    previous.current = audience;
  }, [audience, labels]);
  return message;
}
