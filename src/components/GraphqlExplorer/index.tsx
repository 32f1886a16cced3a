/**
 * A small GraphQL explorer for the operation pages of a GraphQL section whose config names an
 * endpoint: the generated example query in an editable box, variables and headers as JSON, and a
 * Run button that POSTs them with fetch. Nothing leaves the reader's browser until Run is pressed;
 * the response is shown as text, never as markup.
 */
import {useState, type ReactNode} from 'react';
import styles from './styles.module.css';

interface Props {
  endpoint: string;
  query: string;
  variables?: string;
}

type Result = {state: 'idle'} | {state: 'running'} | {state: 'done'; status: string; body: string} | {state: 'error'; message: string};

function parseObject(text: string, what: string): Record<string, unknown> {
  if (!text.trim()) return {};
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what} must be a JSON object`);
  return value as Record<string, unknown>;
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export default function GraphqlExplorer({endpoint, query: initialQuery, variables: initialVariables = '{}'}: Props): ReactNode {
  const [query, setQuery] = useState(initialQuery);
  const [variables, setVariables] = useState(initialVariables);
  const [headers, setHeaders] = useState('{}');
  const [result, setResult] = useState<Result>({state: 'idle'});

  const run = async () => {
    let body: string;
    let extra: Record<string, string>;
    try {
      body = JSON.stringify({query, variables: parseObject(variables, 'Variables')});
      extra = Object.fromEntries(Object.entries(parseObject(headers, 'Headers')).map(([name, value]) => [name, String(value)]));
    } catch (error) {
      setResult({state: 'error', message: (error as Error).message});
      return;
    }
    setResult({state: 'running'});
    try {
      const response = await fetch(endpoint, {method: 'POST', headers: {'content-type': 'application/json', accept: 'application/json', ...extra}, body});
      setResult({state: 'done', status: `${response.status} ${response.statusText}`.trim(), body: pretty(await response.text())});
    } catch (error) {
      setResult({state: 'error', message: `The request failed: ${(error as Error).message}. The endpoint may be down, or not allow requests from this site (CORS).`});
    }
  };

  return (
    <div className={styles.explorer} data-graphql-explorer="">
      <p className={styles.endpoint}>
        POST <code>{endpoint}</code>
      </p>
      <label className={styles.label}>
        Query
        <textarea className={styles.editor} aria-label="Query" value={query} rows={Math.min(20, query.split('\n').length + 1)} spellCheck={false} onChange={(event) => setQuery(event.target.value)} />
      </label>
      <label className={styles.label}>
        Variables (JSON)
        <textarea className={styles.editor} aria-label="Variables" value={variables} rows={Math.min(10, variables.split('\n').length + 1)} spellCheck={false} onChange={(event) => setVariables(event.target.value)} />
      </label>
      <label className={styles.label}>
        Headers (JSON)
        <textarea className={styles.editor} aria-label="Headers" value={headers} rows={2} spellCheck={false} onChange={(event) => setHeaders(event.target.value)} />
      </label>
      <button type="button" className="button button--primary" onClick={() => void run()} disabled={result.state === 'running'}>
        {result.state === 'running' ? 'Running…' : 'Run'}
      </button>
      {result.state === 'error' && (
        <p className={styles.error} role="alert">
          {result.message}
        </p>
      )}
      {result.state === 'done' && (
        <div className={styles.response} aria-label="Response">
          <p>
            Response: <code>{result.status}</code>
          </p>
          <pre>
            <code>{result.body}</code>
          </pre>
        </div>
      )}
    </div>
  );
}
