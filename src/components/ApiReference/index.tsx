/**
 * Components the generated code reference uses (registered in src/theme/MDXComponents.tsx, so its
 * pages need no imports). Every prop arrives as JSON from the MDX writer, and every string is
 * rendered as a React text child: nothing here can turn a doc comment into markup.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import styles from './styles.module.css';

export type SignaturePart = string | {text: string; href: string};

/** A signature in code type, with the names of our own types as links to their anchors. */
export function ApiSignature({code}: {code: SignaturePart[]}): ReactNode {
  return (
    <pre className={styles.signature} data-api-signature="">
      <code>
        {code.map((part, i) =>
          typeof part === 'string' ? (
            part
          ) : (
            <Link key={i} to={part.href} className={styles.typeLink}>
              {part.text}
            </Link>
          ),
        )}
      </code>
    </pre>
  );
}

/** The deprecation notice, first thing under a symbol's heading. */
export function ApiDeprecated({children}: {children?: ReactNode}): ReactNode {
  return (
    <div className={styles.deprecated} role="note" aria-label="Deprecated" data-api-deprecated="">
      {children}
    </div>
  );
}

/** Small labels: kind, `Since 2.0`, `protected`, decorators. */
export function ApiBadges({labels}: {labels: string[]}): ReactNode {
  return (
    <p className={styles.badges}>
      {labels.map((label) => (
        <span key={label} className={styles.badge}>
          {label}
        </span>
      ))}
    </p>
  );
}
