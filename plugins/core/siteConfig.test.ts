import {afterEach, describe, expect, it} from 'vitest';
import {docusaurusCommand, navbarItems, onProcess, preparedOnce} from './siteConfig';
import type {SitePlan} from './prepareSite';
import type {SiteSection} from './types';

const section = (id: string, navbarGroup?: string): SiteSection => ({id, title: id.toUpperCase(), description: '', to: `${id}/`, kind: id === 'docs' ? 'authored' : 'generated', path: `/x/${id}`, navbarGroup});

describe('navbarItems', () => {
  it('one item per section; a group of two or more becomes one dropdown, a group of one stays an item', () => {
    const items = navbarItems([section('docs'), section('api-a', 'HTTP APIs'), section('history'), section('api-b', 'HTTP APIs'), section('solo', 'Alone')]);
    expect(items.map((item) => ('items' in item ? `${item.label}[${(item.items ?? []).map((member) => member.docsPluginId).join(',')}]` : item.docsPluginId))).toEqual([
      'default',
      'HTTP APIs[api-a,api-b]',
      'history',
      'solo',
    ]);
  });
});

describe('state kept on the process', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });

  it('onProcess makes a value once per name, whatever module instance asks', () => {
    let made = 0;
    const first = onProcess('test.counter', () => ({made: ++made}));
    expect(onProcess('test.counter', () => ({made: ++made}))).toBe(first);
    expect(made).toBe(1);
  });

  it('a build reuses the plan of the same key; another key, or `start`, prepares again', async () => {
    let prepared = 0;
    const prepare = () => Promise.resolve({prepared: ++prepared} as unknown as SitePlan);
    process.argv = ['node', 'docusaurus', 'build'];
    expect(docusaurusCommand()).toBe('build');
    const plan = await preparedOnce('a', prepare);
    expect(await preparedOnce('a', prepare)).toBe(plan);
    expect(prepared).toBe(1);
    await preparedOnce('b', prepare);
    expect(prepared).toBe(2);
    process.argv = ['node', 'docusaurus', 'start'];
    await preparedOnce('b', prepare);
    expect(prepared).toBe(3);
  });
});
