/**
 * Applies the target's `theme` and `docusaurus` config keys to the site config: its logo, favicon,
 * primary colour, navbar and footer links, copyright line and CSS, and Docusaurus settings merged in.
 * Files come from inside the target only (real paths checked) and are copied into the build's static
 * folder; text is text (the copyright is escaped, links are http(s) or site paths). See docs/adr/0038.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {Config} from '@docusaurus/types';
import type {DocsArchitectConfig} from './configSchema';
import {formatUserError} from './errors';
import {createReport, formatReport} from './report';
import {isInside} from './resolveTarget';

/** Where the target's theme files are copied, under the build's static root (served at `/_theme/`). */
export const THEME_DIR = '_theme';

export interface ThemingOptions {
  config: DocsArchitectConfig;
  configFile?: string;
  root: string;
  /** The build's static root (plugins/core/generatedFiles.ts staticRoot), one of the static directories. */
  staticDir: string;
  /** Turns an absolute path in the site folder into the relative one Docusaurus options take. */
  siteRelative: (file: string) => string;
  untrusted: boolean;
  /** Any warning fails the build, as prepareSite's do. */
  strict: boolean;
}

/** `#2e8555` → the seven `--ifm-color-primary*` values Infima uses, as Docusaurus's colour generator makes them. */
export function primaryShades(hex: string): Record<string, string> {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const mix = (target: number, amount: number) =>
    `#${[r!, g!, b!].map((c) => Math.round(c + (target - c) * amount).toString(16).padStart(2, '0')).join('')}`;
  return {
    '--ifm-color-primary': hex.toLowerCase(),
    '--ifm-color-primary-dark': mix(0, 0.1),
    '--ifm-color-primary-darker': mix(0, 0.15),
    '--ifm-color-primary-darkest': mix(0, 0.3),
    '--ifm-color-primary-light': mix(255, 0.1),
    '--ifm-color-primary-lighter': mix(255, 0.15),
    '--ifm-color-primary-lightest': mix(255, 0.3),
  };
}

/** Plain text for a place Docusaurus renders as HTML (the footer's copyright). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Objects merged key by key; arrays and other values replaced. */
function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = {...base};
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The site config with the target's theme applied. Its problems are warnings printed here (the
 * generation's report is already printed by now); in strict mode the first one fails the build.
 */
export function applyTheming(site: Config, options: ThemingOptions): Config {
  const report = createReport();
  const result = applyTo(site, options, report);
  const warnings = formatReport(report);
  if (warnings) console.warn(warnings);
  if (options.strict && report.warnings.length > 0) {
    // A user's mistake is a message, not a stack trace (as in docusaurus.config.ts).
    console.error(`docs-architect: ${formatUserError(report.warnings[0]!)} (strict mode fails on any warning)`);
    process.exit(1);
  }
  return result;
}

function applyTo(site: Config, options: ThemingOptions, report: ReturnType<typeof createReport>): Config {
  const {config, root, configFile} = options;
  const theme = config.theme ?? {};
  const themeDir = path.join(options.staticDir, THEME_DIR);
  fs.rmSync(themeDir, {recursive: true, force: true});

  /** Copies a file of the target into the theme folder; its site path, or undefined with a warning. */
  const copy = (key: string, relative: string | undefined): string | undefined => {
    if (!relative) return undefined;
    const source = path.resolve(root, relative);
    let real: string;
    try {
      real = fs.realpathSync(source);
    } catch {
      report.warn(`theme.${key} "${relative}" does not exist`, {file: configFile, key: `theme.${key}`, fix: 'Point it at a file in the repository, relative to its root'});
      return undefined;
    }
    if (!isInside(root, real) || !fs.statSync(real).isFile()) {
      report.warn(`theme.${key} "${relative}" is not a file inside the repository`, {file: configFile, key: `theme.${key}`, fix: 'Point it at a file in the repository'});
      return undefined;
    }
    const name = `${key}${path.extname(real).toLowerCase()}`;
    fs.mkdirSync(themeDir, {recursive: true});
    fs.copyFileSync(real, path.join(themeDir, name));
    return path.join(themeDir, name);
  };

  const themeConfig = {...(site.themeConfig as Record<string, unknown>)};
  const navbar = {...(themeConfig.navbar as Record<string, unknown>)};
  const footer = {...(themeConfig.footer as Record<string, unknown>)};
  const result: Config = {...site};

  const logo = copy('logo', theme.logo);
  if (logo) navbar.logo = {alt: site.title, src: `${THEME_DIR}/${path.basename(logo)}`};
  const favicon = copy('favicon', theme.favicon);
  if (favicon) result.favicon = `${THEME_DIR}/${path.basename(favicon)}`;
  if (theme.navbarLinks) {
    navbar.items = [...((navbar.items as unknown[]) ?? []), ...theme.navbarLinks.map(({label, href}) => ({label, href, position: 'right'}))];
  }
  if (theme.footerLinks) footer.links = [{title: 'Links', items: theme.footerLinks.map(({label, href}) => ({label, href}))}];
  if (theme.copyright) footer.copyright = escapeHtml(theme.copyright);

  const css: string[] = [];
  if (theme.primaryColor) {
    const shades = Object.entries(primaryShades(theme.primaryColor)).map(([name, value]) => `  ${name}: ${value};`);
    fs.mkdirSync(themeDir, {recursive: true});
    fs.writeFileSync(path.join(themeDir, 'primary.css'), `:root {\n${shades.join('\n')}\n}\n`);
    css.push(path.join(themeDir, 'primary.css'));
  }
  const custom = copy('customCss', theme.customCss);
  if (custom) css.push(custom);
  if (css.length > 0) {
    result.presets = (site.presets ?? []).map((preset) => {
      if (!Array.isArray(preset) || preset[0] !== 'classic') return preset;
      const presetOptions = preset[1] as {theme?: {customCss?: string[]}};
      const own = presetOptions.theme?.customCss ?? [];
      return ['classic', {...presetOptions, theme: {...presetOptions.theme, customCss: [...own, ...css.map(options.siteRelative)]}}];
    }) as Config['presets'];
  }

  const extra = config.docusaurus ?? {};
  const runsCode = Boolean(extra.plugins?.length || extra.themes?.length || extra.scripts?.length);
  if (runsCode && options.untrusted) {
    report.warn('docusaurus.plugins, themes and scripts run code and are ignored for an untrusted target', {file: configFile, key: 'docusaurus', fix: 'Build without --untrusted to use them'});
  } else {
    if (extra.plugins) result.plugins = [...(site.plugins ?? []), ...extra.plugins] as Config['plugins'];
    if (extra.themes) result.themes = [...(site.themes ?? []), ...extra.themes] as Config['themes'];
    if (extra.scripts) result.scripts = [...(site.scripts ?? []), ...extra.scripts] as Config['scripts'];
  }
  if (extra.stylesheets) result.stylesheets = [...(site.stylesheets ?? []), ...extra.stylesheets] as Config['stylesheets'];

  result.themeConfig = deepMerge({...themeConfig, navbar, footer}, extra.themeConfig ?? {});
  return result;
}
