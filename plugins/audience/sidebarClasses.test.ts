import {describe, expect, it} from 'vitest';
import {annotateSidebarItems, itemAudiences, type SidebarItemLike} from './sidebarClasses';

const link = (audience?: string[], className?: string): SidebarItemLike => ({type: 'link', ...(className ? {className} : {}), ...(audience ? {customProps: {audience}} : {})});
const category = (...items: SidebarItemLike[]): SidebarItemLike => ({type: 'category', items});

describe('itemAudiences', () => {
  it('is undefined (for everyone) when a page says nothing or names everyone', () => {
    expect(itemAudiences(link())).toBeUndefined();
    expect(itemAudiences(link(['sre', 'everyone']))).toBeUndefined();
  });

  it('is the union of a category’s pages, and everyone as soon as one page is', () => {
    expect([...itemAudiences(category(link(['sre']), category(link(['backend']))))!].sort()).toEqual(['backend', 'sre']);
    expect(itemAudiences(category(link(['sre']), link()))).toBeUndefined();
  });
});

describe('annotateSidebarItems', () => {
  it('adds sorted audience classes after the author’s class, and marks the active item', () => {
    const items = [link(['sre', 'backend'], 'mine'), link(), category(link(['sre']))];
    const annotated = annotateSidebarItems(items, (item) => item === items[2]);
    expect(annotated.map((item) => item.className)).toEqual(['mine da-aud da-aud-backend da-aud-sre', undefined, 'da-aud da-aud-sre da-aud-active']);
  });

  it('leaves items for everyone untouched', () => {
    const items = [link()];
    expect(annotateSidebarItems(items, () => false)[0]).toBe(items[0]);
  });
});
