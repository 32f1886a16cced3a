/**
 * A security scheme in plain words: what to send, where, and where credentials come from. Readers
 * who do not know the OpenAPI vocabulary (apiKey, http bearer, oauth2 flows) should still know what
 * header to set.
 */
import type {RootContent} from 'mdast';
import {code, inlineCode, link, list, paragraph, table, text} from '../core/mdx/build';
import type {SecuritySchemeModel} from './model';

const FLOW_NAMES: Record<string, string> = {
  authorizationCode: 'Authorization code',
  implicit: 'Implicit',
  password: 'Resource owner password',
  clientCredentials: 'Client credentials',
  deviceAuthorization: 'Device authorization',
};

export function describeScheme(scheme: SecuritySchemeModel): RootContent[] {
  switch (scheme.type) {
    case 'http':
      return describeHttp(scheme);
    case 'apiKey': {
      const name = scheme.name ?? '(unnamed)';
      if (scheme.in === 'query') {
        return [paragraph('An API key in the query string: add ', inlineCode(`${name}=<your key>`), ' to the URL.')];
      }
      if (scheme.in === 'cookie') {
        return [paragraph('An API key in a cookie: send the cookie ', inlineCode(`${name}=<your key>`), '.')];
      }
      return [paragraph('An API key in a header: send it as ', inlineCode(name), '.'), code(`${name}: <your key>`, 'http')];
    }
    case 'oauth2':
      return describeOAuth(scheme);
    case 'openIdConnect':
      return [
        paragraph(
          'OpenID Connect: get an access token from the provider described at ',
          scheme.openIdConnectUrl && /^https?:/.test(scheme.openIdConnectUrl) ? link(scheme.openIdConnectUrl, scheme.openIdConnectUrl) : inlineCode(scheme.openIdConnectUrl ?? '(no URL given)'),
          ', then send it as a bearer token.',
        ),
        code('Authorization: Bearer <access token>', 'http'),
      ];
    case 'mutualTLS':
      return [paragraph('Mutual TLS: the client presents a certificate the server trusts when it opens the connection; no header is needed.')];
    default:
      return [paragraph('A scheme of type ', inlineCode(scheme.type), ', which this site does not know how to explain.')];
  }
}

function describeHttp(scheme: SecuritySchemeModel): RootContent[] {
  if (scheme.scheme === 'bearer') {
    const format = scheme.bearerFormat ? ` (${scheme.bearerFormat})` : '';
    return [paragraph(`A bearer token${format} in the Authorization header.`), code('Authorization: Bearer <token>', 'http')];
  }
  if (scheme.scheme === 'basic') {
    return [
      paragraph('HTTP Basic authentication: a user name and password, joined by a colon and Base64-encoded, in the Authorization header.'),
      code('Authorization: Basic <base64 of user:password>', 'http'),
    ];
  }
  return [paragraph('HTTP authentication with the ', inlineCode(scheme.scheme ?? '(unnamed)'), ' scheme, in the Authorization header.')];
}

function describeOAuth(scheme: SecuritySchemeModel): RootContent[] {
  const blocks: RootContent[] = [paragraph('OAuth 2.0: get an access token with one of these flows, then send it as a bearer token.'), code('Authorization: Bearer <access token>', 'http')];
  for (const flow of scheme.flows ?? []) {
    const items = [
      ...(flow.authorizationUrl ? [[text('Authorization URL: '), inlineCode(flow.authorizationUrl)]] : []),
      ...(flow.tokenUrl ? [[text('Token URL: '), inlineCode(flow.tokenUrl)]] : []),
      ...(flow.refreshUrl ? [[text('Refresh URL: '), inlineCode(flow.refreshUrl)]] : []),
    ];
    blocks.push(paragraph(`${FLOW_NAMES[flow.flow] ?? flow.flow} flow:`));
    if (items.length > 0) blocks.push(list(items));
    if (flow.scopes.length > 0) blocks.push(table(['Scope', 'Grants'], flow.scopes.map((scope) => [inlineCode(scope.name), scope.description])));
  }
  return blocks;
}
