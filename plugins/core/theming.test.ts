import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import type {Config} from '@docusaurus/types';
import {configSchema} from './configSchema';
import {applyTheming, escapeHtml, primaryShades, THEME_DIR} from './theming';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-theming-'));
afterAll(() => fs.rmSync(base, {recursive: true, force: true}));

function site(): Config {
  return {
    title: 'Acme',
    url: 'http://localhost',
    baseUrl: '/',
    favicon: 'img/favicon.svg',
    presets: [['classic', {theme: {customCss: ['/pkg/src/css/custom.css']}}]],
    plugins: ['own-plugin'],
    themeConfig: {navbar: {title: 'Acme', items: [{label: 'Guides', to: '/docs/'}]}, footer: {style: 'dark', copyright: 'old'}, prism: {theme: 'x'}},
  } as Config;
}

function target(files: Record<string, string>) {
  const root = fs.mkdtempSync(path.join(base, 'repo-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), {recursive: true});
    fs.writeFileSync(path.join(root, file), text);
  }
  const staticDir = path.join(root, '..', `${path.basename(root)}-static`);
  return {root, staticDir};
}

describe('the theme and docusaurus keys', () => {
  it('apply the logo, favicon, colour, links, copyright and CSS, and merge Docusaurus settings', () => {
    const {root, staticDir} = target({'docs/logo.svg': '<svg/>', 'favicon.ico': 'ico', 'docs/site.css': ':root{}'});
    const config = configSchema.parse({
      theme: {
        logo: 'docs/logo.svg',
        favicon: 'favicon.ico',
        primaryColor: '#2E8555',
        navbarLinks: [{label: 'Status', href: 'https://status.acme.dev'}],
        footerLinks: [{label: 'Blog', href: '/blog/'}],
        copyright: '© Acme <b>Inc</b>',
        customCss: 'docs/site.css',
      },
      docusaurus: {themeConfig: {colorMode: {defaultMode: 'dark'}, navbar: {hideOnScroll: true}}, plugins: ['acme-plugin'], stylesheets: ['https://cdn.acme.dev/a.css']},
    });
    const themed = applyTheming(site(), {config, root, staticDir, siteRelative: (file) => path.relative(staticDir, file), untrusted: false, strict: false});
    const themeConfig = themed.themeConfig as Record<string, Record<string, unknown>>;
    expect(themeConfig.navbar!.logo).toEqual({alt: 'Acme', src: `${THEME_DIR}/logo.svg`});
    expect(themeConfig.navbar!.hideOnScroll).toBe(true);
    expect(themeConfig.navbar!.title).toBe('Acme');
    expect(themeConfig.navbar!.items).toEqual([{label: 'Guides', to: '/docs/'}, {label: 'Status', href: 'https://status.acme.dev', position: 'right'}]);
    expect(themeConfig.footer).toEqual({style: 'dark', copyright: '© Acme &#60;b&#62;Inc&#60;/b&#62;', links: [{title: 'Links', items: [{label: 'Blog', href: '/blog/'}]}]});
    expect(themeConfig.colorMode).toEqual({defaultMode: 'dark'});
    expect(themed.favicon).toBe(`${THEME_DIR}/favicon.ico`);
    expect(themed.plugins).toEqual(['own-plugin', 'acme-plugin']);
    expect(themed.stylesheets).toEqual(['https://cdn.acme.dev/a.css']);
    const customCss = ((themed.presets![0] as [string, {theme: {customCss: string[]}}])[1]).theme.customCss;
    expect(customCss).toEqual(['/pkg/src/css/custom.css', `${THEME_DIR}/primary.css`, `${THEME_DIR}/customCss.css`]);
    expect(fs.readFileSync(path.join(staticDir, THEME_DIR, 'primary.css'), 'utf8')).toContain('--ifm-color-primary: #2e8555;');
    expect(fs.readFileSync(path.join(staticDir, THEME_DIR, 'logo.svg'), 'utf8')).toBe('<svg/>');
  });

  it('refuses files outside the repository and code under --untrusted, with warnings', () => {
    const {root, staticDir} = target({'docs/a.md': '# A'});
    fs.writeFileSync(path.join(base, 'secret.css'), 'body{}');
    fs.symlinkSync(path.join(base, 'secret.css'), path.join(root, 'linked.css'));
    const config = configSchema.parse({theme: {customCss: 'linked.css', logo: 'missing.svg'}, docusaurus: {plugins: ['evil'], scripts: ['https://x/a.js']}});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const themed = applyTheming(site(), {config, root, staticDir, siteRelative: (file) => file, untrusted: true, strict: false});
    const printed = warn.mock.calls.map((call) => String(call[0])).join('\n');
    warn.mockRestore();
    expect(printed.match(/^warning:/gm)).toHaveLength(3);
    expect(printed).toContain('theme.customCss "linked.css" is not a file inside the repository');
    expect(printed).toContain('theme.logo "missing.svg" does not exist');
    expect(printed).toContain('ignored for an untrusted target');
    expect(themed.plugins).toEqual(['own-plugin']);
    expect(themed.scripts).toBeUndefined();
    expect(fs.existsSync(path.join(staticDir, THEME_DIR, 'customCss.css'))).toBe(false);
  });

  it('validates the keys like every other one', () => {
    expect(configSchema.safeParse({theme: {primaryColor: 'green'}}).success).toBe(false);
    expect(configSchema.safeParse({theme: {navbarLinks: [{label: 'x', href: 'javascript:alert(1)'}]}}).success).toBe(false);
    expect(configSchema.safeParse({theme: {logo: '../outside.svg'}}).success).toBe(false);
    expect(configSchema.safeParse({theme: {logo: 'logo.exe'}}).success).toBe(false);
    expect(configSchema.safeParse({docusaurus: {plugins: [42]}}).success).toBe(false);
    expect(configSchema.safeParse({docusaurus: {unknown: true}}).success).toBe(false);
    expect(escapeHtml('<a href="x">')).toBe('&#60;a href=&#34;x&#34;&#62;');
    expect(Object.keys(primaryShades('#000000'))).toHaveLength(7);
  });
});
