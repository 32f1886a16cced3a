/**
 * Types for the docusaurus-theme-openapi-docs components our pages use. The theme ships its
 * TypeScript sources but no module declarations for its `@theme/*` aliases; these cover the props we
 * pass, no more.
 */
declare module '@theme-original/ApiItem' {
  import type {ReactNode} from 'react';
  export interface ApiItemContent {
    (props: Record<string, never>): ReactNode;
    frontMatter: Record<string, unknown>;
    metadata: {id: string} & Record<string, unknown>;
    toc: unknown[];
    contentTitle?: string;
    assets: Record<string, unknown>;
  }
  export interface Props {
    content: ApiItemContent;
    route?: unknown;
  }
  export default function ApiItem(props: Props): ReactNode;
}

declare module '@theme-original/ApiExplorer' {
  import type {ReactNode} from 'react';
  export default function ApiExplorer(props: {item: Record<string, unknown>; infoPath?: string}): ReactNode;
}

declare module '@theme/ParamsDetails' {
  import type {ReactNode} from 'react';
  export default function ParamsDetails(props: {parameters: unknown[]}): ReactNode;
}

declare module '@theme/RequestSchema' {
  import type {ReactNode} from 'react';
  export default function RequestSchema(props: {title: string; body: unknown}): ReactNode;
}

declare module '@theme/StatusCodes' {
  import type {ReactNode} from 'react';
  export default function StatusCodes(props: {id?: string; label?: string; responses: unknown}): ReactNode;
}

declare module '@theme/Schema' {
  import type {ReactNode} from 'react';
  export default function Schema(props: {schema: unknown; schemaType: 'request' | 'response'; schemaPath?: string}): ReactNode;
}

declare module '@theme/OperationTabs' {
  import type {ReactNode} from 'react';
  export default function OperationTabs(props: {className?: string; children: ReactNode}): ReactNode;
}

declare module '@theme/ApiExplorer/MethodEndpoint' {
  import type {ReactNode} from 'react';
  export default function MethodEndpoint(props: {method: string; path: string; context?: 'endpoint' | 'callback'}): ReactNode;
}

declare module '@theme/SkeletonLoader' {
  import type {ReactNode} from 'react';
  export default function SkeletonLoader(props: {size?: 'sm' | 'md' | 'lg'}): ReactNode;
}

declare module 'docusaurus-plugin-openapi-docs/lib/openapi/createResponseExample' {
  export function sampleResponseFromSchema(schema: unknown): unknown;
}

declare module '@theme/Markdown' {
  import type {ReactNode} from 'react';
  export default function Markdown(props: {children?: string}): ReactNode;
}
