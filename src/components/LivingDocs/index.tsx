/**
 * The citation components authors write in MDX (docs/living-docs.md). The build resolves each one
 * when it stages the page (plugins/living-docs/rewrite.ts) and passes what to show as props: these
 * components only render props, as text. One that was not resolved (a page outside the build's
 * docs) or whose code is gone shows a visible "citation broken" box.
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import CodeBlock from '@theme/CodeBlock';
import styles from './styles.module.css';

interface Resolved {
  resolved?: boolean;
  broken?: string;
  suggestion?: string;
}

export interface CodeSnippetProps extends Resolved {
  path?: string;
  symbol?: string;
  region?: string;
  lines?: string;
  code?: string;
  language?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  href?: string;
}

export function CodeSnippet(props: CodeSnippetProps): ReactNode {
  if (props.broken || !props.resolved || typeof props.code !== 'string') return <CitationBroken what="CodeSnippet" {...props} />;
  const place = `${props.file}:${props.startLine}${props.endLine !== props.startLine ? `-${props.endLine}` : ''}`;
  return (
    <figure className={styles.snippet} data-citation="CodeSnippet">
      <CodeBlock language={props.language} showLineNumbers={props.startLine ?? true}>
        {props.code}
      </CodeBlock>
      <figcaption className={styles.caption}>
        {props.symbol ? <code>{props.symbol}</code> : null}
        {props.symbol ? ' in ' : null}
        {props.href ? <a href={props.href}>{place}</a> : <span>{place}</span>}
      </figcaption>
    </figure>
  );
}

export interface LinkCitationProps extends Resolved {
  name?: string;
  id?: string;
  module?: string;
  to?: string;
  label?: string;
  method?: string;
  path?: string;
  children?: ReactNode;
}

export function SymbolLink(props: LinkCitationProps): ReactNode {
  if (props.broken || !props.to) return <CitationBroken what="SymbolLink" {...props} inline />;
  return (
    <Link to={props.to} data-citation="SymbolLink">
      {props.children ?? <code>{props.label ?? props.name}</code>}
    </Link>
  );
}

export function ApiOperation(props: LinkCitationProps): ReactNode {
  if (props.broken || !props.to) return <CitationBroken what="ApiOperation" {...props} inline />;
  return (
    <Link to={props.to} data-citation="ApiOperation" className={styles.operation}>
      {props.method ? <span className={styles.method} data-method={props.method.toLowerCase()}>{props.method}</span> : null}
      {props.path ? <code>{props.path}</code> : null}
      {props.children ?? (props.method ? null : props.label)}
    </Link>
  );
}

export function EnvVar(props: LinkCitationProps): ReactNode {
  if (props.broken || !props.to) return <CitationBroken what="EnvVar" {...props} inline />;
  return (
    <Link to={props.to} data-citation="EnvVar">
      {props.children ?? <code>{props.label ?? props.name}</code>}
    </Link>
  );
}

function CitationBroken(props: Resolved & {what: string; inline?: boolean; name?: string; id?: string; path?: string; symbol?: string}): ReactNode {
  const cited = props.name ?? props.id ?? [props.path, props.symbol].filter(Boolean).join(' ');
  const why = props.broken ?? 'this citation was not resolved when the site was built';
  const Tag = props.inline ? 'span' : 'div';
  return (
    <Tag className={props.inline ? styles.brokenInline : styles.broken} role="note" data-citation-broken={props.what}>
      <strong>Citation broken</strong>
      {props.inline ? ` (${cited || props.what}): ` : ': '}
      {why}
      {props.suggestion ? (
        <>
          {'. Did you mean '}
          <code>{props.suggestion}</code>?
        </>
      ) : null}
    </Tag>
  );
}

export interface DriftFacts {
  commits: number;
  newest: string;
  days: number;
  compare?: string;
}

/** The notice above a page whose covered code changed after the page was last edited. */
export function DriftNotice({drift}: {drift?: DriftFacts}): ReactNode {
  if (!drift || typeof drift.commits !== 'number') return null;
  const what = `${drift.commits} commit${drift.commits === 1 ? '' : 's'} to the code this page covers since it was last edited`;
  return (
    <p className={styles.drift} role="note" data-drift={drift.commits}>
      {what}, the newest on {drift.newest}.{' '}
      {drift.compare ? <a href={drift.compare}>See what changed</a> : null}
    </p>
  );
}
