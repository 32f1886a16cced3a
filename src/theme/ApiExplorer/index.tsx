/**
 * Wraps the theme's explorer: while an API page's data is loading (src/theme/ApiItem passes a stub
 * marked `__pending`) it shows the theme's skeleton, and if the data cannot be loaded, says so.
 */
import type {ReactNode} from 'react';
import OriginalApiExplorer from '@theme-original/ApiExplorer';
import SkeletonLoader from '@theme/SkeletonLoader';

export default function ApiExplorer(props: {item: Record<string, unknown>; infoPath?: string}): ReactNode {
  if (props.item.__pending) return <SkeletonLoader size="lg" />;
  if (typeof props.item.__error === 'string') {
    return (
      <div className="alert alert--danger" role="alert">
        The explorer could not load this operation: {props.item.__error}
      </div>
    );
  }
  return <OriginalApiExplorer {...props} />;
}
