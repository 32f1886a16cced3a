import type {ReactNode} from 'react';
import Admonition from '@theme/Admonition';

/** Shown instead of an API page's details when its JSON cannot be fetched (a broken deploy, offline). */
export default function LoadError({url, message}: {url: string; message: string}): ReactNode {
  return (
    <Admonition type="danger" title="Details unavailable">
      <p>
        The details of this page could not be loaded from <code>{url}</code>: {message}. The summary below comes from the
        static page.
      </p>
    </Admonition>
  );
}
