/**
 * Wraps the sidebar items (swizzle --wrap): each level's items get the audience classes that let CSS
 * hide other audiences' pages, and the top level starts with the "Filtered for …" banner. The
 * original component still renders every item, so collapsing, active states and keyboard use are
 * Docusaurus's own.
 */
import {useMemo, type ReactNode} from 'react';
import DocSidebarItems from '@theme-original/DocSidebarItems';
import type DocSidebarItemsType from '@theme/DocSidebarItems';
import type {WrapperProps} from '@docusaurus/types';
import {isActiveSidebarItem} from '@docusaurus/plugin-content-docs/client';
import {annotateSidebarItems} from '@site/plugins/audience/sidebarClasses';
import AudienceFilterBanner from '@site/src/components/AudienceFilterBanner';

type Props = WrapperProps<typeof DocSidebarItemsType>;

export default function DocSidebarItemsWrapper(props: Props): ReactNode {
  const {items, activePath, level} = props;
  const annotated = useMemo(() => annotateSidebarItems(items, (item) => isActiveSidebarItem(item, activePath)), [items, activePath]);
  return (
    <>
      {level === 1 ? <AudienceFilterBanner /> : null}
      <DocSidebarItems {...props} items={annotated} />
    </>
  );
}
