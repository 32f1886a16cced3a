import {describe, expect, it} from 'vitest';
import {DESKTOP_ONLY, fitNavbar, MAX_LABEL, PHONE_ONLY, shorten, type NavItem} from './navbarFit';

const section = (label: string): NavItem => ({type: 'docSidebar', sidebarId: 'default', docsPluginId: label, label, position: 'left'});

describe('a navbar on one line', () => {
  it('keeps a few short sections as they are', () => {
    const items = [section('Guides'), section('Code reference'), {href: 'https://x', label: 'Repository', position: 'right' as const}];
    expect(fitNavbar(items, {title: 'acme'})).toEqual(items);
  });

  it('puts the sections that do not fit into "More", and lists them again for the phone menu', () => {
    const apis: NavItem = {type: 'dropdown', label: 'HTTP APIs', position: 'left', items: [section('Payments'), section('Orders'), section('Webhooks')]};
    const items = [section('Guides'), section('Overview'), section('Code reference'), apis, section('History'), section('Reading paths'), section('Runbooks')];
    const fitted = fitNavbar(items, {title: 'acme-platform'});
    const more = fitted.find((item) => item.label === 'More')!;
    expect(more.className).toBe(DESKTOP_ONLY);
    const shown = fitted.slice(0, fitted.indexOf(more));
    const phone = fitted.filter((item) => item.className?.includes(PHONE_ONLY));
    // Everything is somewhere, once on the bar or in "More", in order; dropdowns are not nested.
    expect(shown.length).toBeGreaterThan(0);
    expect([...shown, ...phone].map((item) => item.label)).toEqual(items.map((item) => item.label));
    expect(more.items!.every((item) => item.type !== 'dropdown')).toBe(true);
    const flat = [...shown, ...phone].flatMap((item) => (item.type === 'dropdown' ? item.items! : [item]));
    expect(flat).toHaveLength(9);
  });

  it('shortens long titles and keeps the full one for the hover', () => {
    const long = shorten(section('Sample inventory service 1.0.0 (internal)'));
    expect(long.label!.length).toBeLessThanOrEqual(MAX_LABEL);
    expect(long.label!.endsWith('…')).toBe(true);
    expect(long.title).toBe('Sample inventory service 1.0.0 (internal)');
    expect(shorten(section('History'))).toEqual(section('History'));
  });
});
