/**
 * The security page: authentication schemes (from the site's OpenAPI sections and from auth
 * middleware in code), which configuration values are secrets and how they are supplied, the
 * security policy and code owners, and each package's runtime dependencies with their licences.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {heading, inlineCode, link, paragraph, table, text} from '../../core/mdx/build';
import {writeMdx} from '../../core/mdx/writeMdx';
import {generatedPageFrontMatter} from '../../core/generatedPagePresets';
import type {SiteView} from '../../core/types';
import type {AuthScheme, OperationsModel} from '../model';
import {GENERATED_NOTE, joined, pageKit} from './facts';
import {envRoute} from './renderConfiguration';

interface OpenApiLike {
  state?: string;
  api?: {file?: string; securitySchemes?: {key: string; type: string; scheme?: string; in?: string; name?: string; description?: string}[]};
}

/** Schemes declared in the API descriptions other sections document, read from their models. */
function openapiSchemes(site: SiteView): AuthScheme[] {
  const out: AuthScheme[] = [];
  for (const section of site.sections) {
    const model = section.model as OpenApiLike;
    if (model.state !== 'ok' || !Array.isArray(model.api?.securitySchemes)) continue;
    for (const scheme of model.api.securitySchemes) {
      const detail = scheme.type === 'apiKey' ? `${scheme.name ?? ''} in ${scheme.in ?? ''}` : scheme.scheme;
      out.push({name: scheme.key, type: scheme.type, detail, source: 'openapi', section: section.id, file: model.api.file});
    }
  }
  return out;
}

export function renderSecurity(model: OperationsModel, sectionId: string, site: SiteView): string {
  const kit = pageKit(site);
  const children: RootContent[] = [heading(1, 'Security'), paragraph(`How ${model.project} authenticates callers, which of its settings are secrets, who owns what, and what it depends on.`)];

  children.push(heading(2, 'Authentication'));
  const schemes = [...openapiSchemes(site), ...model.auth];
  if (schemes.length > 0) {
    children.push(
      table(
        ['Scheme', 'Type', 'Detail', 'Found in'],
        schemes.map((s) => {
          const where: PhrasingContent = s.source === 'openapi' ? link(site.urlOf('section', s.section!) ?? `/${s.section}/`, `API description (${s.section})`) : kit.at({file: s.file!, line: s.line});
          return [s.name, inlineCode(s.type), s.detail ? inlineCode(s.detail) : '', where];
        }),
      ),
    );
  } else {
    children.push(paragraph('No authentication scheme was found in an API description or in code.'));
  }

  children.push(heading(2, 'Secrets'));
  const secrets = model.variables.filter((v) => v.secret);
  if (secrets.length > 0) {
    children.push(
      paragraph('Configuration values that are secrets (by name, or because a value looked like one). Their values are never shown on this site.'),
      table(
        ['Variable', 'Supplied by'],
        secrets.map((v) => [
          link(envRoute(sectionId, v), inlineCode(v.name)),
          v.settings.length > 0 ? joined(v.settings.map((s) => text(s.ref ? `${s.where}: ${s.ref}` : s.where)), '; ') : 'the environment (no file in the repository sets it)',
        ]),
      ),
    );
  } else {
    children.push(paragraph('No configuration value looks like a secret.'));
  }
  if (model.k8sSecrets.length > 0) {
    children.push(paragraph('Kubernetes Secrets in the repository (names and keys only):'), table(['Secret', 'Keys', 'Defined in'], model.k8sSecrets.map((s) => [inlineCode(s.name), s.keys.join(', '), kit.at(s)])));
  }

  children.push(heading(2, 'Policy and ownership'));
  const policy = model.securityFiles.filter((f) => f.kind === 'security-policy');
  children.push(policy.length > 0 ? paragraph('Security policy: ', ...joined(policy.map((f) => kit.file(f.file))), '.') : paragraph('There is no SECURITY.md: nothing tells a reporter how to disclose a vulnerability.'));
  const owners = model.securityFiles.filter((f) => f.kind === 'codeowners');
  if (owners.length === 0) children.push(paragraph('There is no CODEOWNERS file.'));
  for (const file of owners) {
    children.push(paragraph('Code owners from ', kit.file(file.file), ':'), table(['Pattern', 'Owners', 'Line'], (file.owners ?? []).map((o) => [inlineCode(o.pattern), o.owners.join(' '), kit.at({file: file.file, line: o.line})])));
  }

  children.push(heading(2, 'Dependencies'));
  if (model.dependencies.length === 0) children.push(paragraph('No runtime dependency was found in a manifest.'));
  for (const manifest of model.dependencies) {
    const unknown = manifest.packages.filter((p) => p.license === 'unknown').length;
    children.push(
      heading(3, manifest.manifest),
      paragraph(
        `${manifest.packages.length} runtime dependencies`,
        ...(manifest.lockfile ? [text(', versions from '), kit.file(manifest.lockfile)] : [text(', no lock file: versions are ranges')]),
        unknown > 0 ? `; licence unknown for ${unknown} (not in the lock file, not installed).` : '.',
      ),
      table(['Package', 'Version', 'Licence'], manifest.packages.map((p) => [inlineCode(p.name), p.version, p.license])),
    );
  }
  children.push(paragraph(GENERATED_NOTE));
  return writeMdx({
    frontMatter: {
      title: 'Security',
      description: `Authentication, secrets, ownership and dependencies of ${model.project}.`,
      sidebar_position: 4,
      custom_edit_url: null,
      last_update: kit.lastUpdate([...model.securityFiles.map((f) => f.file), ...model.dependencies.map((d) => d.lockfile ?? d.manifest)]),
      ...generatedPageFrontMatter('security'),
    },
    children,
  });
}

