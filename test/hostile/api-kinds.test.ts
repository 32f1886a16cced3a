/**
 * Hostile text in the two new API channels: `.proto` comments (on messages, fields, enum values,
 * services, RPCs) and AsyncAPI descriptions, summaries, titles, ids, examples and bindings. Every
 * payload must reach the page as text: no JSX element, no `javascript:` link, no ESM, no directive.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {prepareSite} from '../../plugins/core/prepareSite';
import {asyncapiGenerator} from '../../plugins/asyncapi/generator';
import {protobufGenerator} from '../../plugins/protobuf/generator';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {IFRAME, IMG, PWN, SCRIPT} from './browserFixtures';

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-architect-hostile-api-kinds-')));
afterAll(() => fs.rmSync(tmp, {recursive: true, force: true}));

/** Each a line of Markdown a hostile author could write; none may become markup. */
const PAYLOADS = [
  IMG,
  IFRAME,
  SCRIPT,
  `[click](javascript:${PWN})`,
  `<a href="javascript:${PWN}">a</a>`,
  `{${PWN}}`,
  `import x from "data:text/javascript,${PWN}"`,
  `export const y = ${PWN}`,
  ':::danger\nadmonition\n:::',
  `<div onClick={() => ${PWN}}>jsx</div>`,
  '</code>`````{`',
];
const comment = (marker: string) => PAYLOADS.map((payload) => `${marker} ${payload.split('\n').join(`\n${marker} `)}`).join('\n');
const block = (indent: string) => PAYLOADS.map((payload) => `${indent}${payload.split('\n').join(`\n${indent}`)}`).join(`\n${indent}\n`);

const PROTO = `syntax = "proto3";
package hostile.v1;

${comment('//')}
service Evil {
  ${comment('  //').trim()}
  rpc Do(Req) returns (Req) {
    option (x).y = "<img src=x onerror=${PWN}>";
  }
}

/* ${PAYLOADS.join(' ').replace(/\*\//g, '* /')} */
message Req {
  ${comment('  //').trim()}
  string a = 1 [(note) = "{${PWN}}"];
}

${comment('//')}
enum E {
  ${comment('  //').trim()}
  E_UNSPECIFIED = 0;
}
`;

const ASYNCAPI = `asyncapi: 3.0.0
info:
  title: "Hostile ${IMG.replace(/"/g, "'")}"
  version: "1"
  description: |
${block('    ')}
servers:
  "<b>s</b>":
    host: "evil.example/${IMG.replace(/"/g, "'")}"
    protocol: kafka
    description: "${SCRIPT}"
channels:
  "javascript:${PWN}":
    address: "evil.<b>{id}</b>"
    description: |
${block('      ')}
    parameters:
      id:
        description: "${IMG.replace(/"/g, "'")}"
    messages:
      Evil:
        title: "${SCRIPT}"
        summary: "[x](javascript:${PWN})"
        description: |
${block('          ')}
        payload:
          type: object
          properties:
            "<img src=x onerror=${PWN}>":
              type: string
              description: "{${PWN}} ${IFRAME.replace(/"/g, "'")}"
        examples:
          - payload: {"</code>": "${SCRIPT}"}
    bindings:
      kafka:
        topic: "${SCRIPT}"
operations:
  "op ${IMG.replace(/"/g, "'")}":
    action: send
    summary: "[x](javascript:${PWN})"
    description: |
${block('      ')}
    channel:
      $ref: '#/channels/javascript:${PWN}'
`;

describe('hostile proto comments and AsyncAPI descriptions', () => {
  it('reach every page as text', async () => {
    const target = path.join(tmp, 'target');
    fs.mkdirSync(path.join(target, 'proto'), {recursive: true});
    fs.writeFileSync(path.join(target, 'proto/hostile.proto'), PROTO);
    fs.writeFileSync(path.join(target, 'asyncapi.yaml'), ASYNCAPI);
    const site = path.join(tmp, 'site');
    const plan = await prepareSite({siteDir: site, target, generators: [protobufGenerator, asyncapiGenerator]});
    const sections = plan.sections.filter((section) => section.kind === 'generated');
    expect(sections.map((section) => section.id)).toEqual(['grpc', 'events']);
    const generated = path.join(site, '.docs-architect', 'generated');
    const pages = sections.flatMap((section) => (fs.readdirSync(path.join(generated, section.id), {recursive: true}) as string[]).filter((file) => file.endsWith('.mdx')).map((file) => path.join(section.id, file)));
    expect(pages.sort()).toEqual(['events/channels/javascript-window-pwned-1.mdx', 'events/index.mdx', 'grpc/hostile-v1.mdx', 'grpc/index.mdx']);
    for (const page of pages) {
      const mdx = fs.readFileSync(path.join(generated, page), 'utf8');
      const compiled = await compileLikeDocusaurus(mdx, {filePath: path.join(generated, page)});
      expect(compiled, page).not.toMatch(/jsxs?\(\s*"(script|img|iframe|a|div|object|b)"/);
      // A `:name` inside a line is a text directive here; Docusaurus restores it to text (writeMdx.ts).
      expect(compiled, page).not.toMatch(/jsxs?\(\s*_components\.(script|img|iframe)/);
      expect(compiled, page).not.toMatch(/href:\s*"javascript:/i);
      expect(compiled, page).not.toMatch(/data:text\/javascript/.source + '"\\s*;');
      expect(mdx, page).not.toMatch(/^(import|export) /m);
      expect(mdx, page).not.toMatch(/^:::/m);
    }
    // The words stay for the reader, escaped.
    const proto = fs.readFileSync(path.join(generated, 'grpc/hostile-v1.mdx'), 'utf8');
    expect(proto).toContain('\\<script>');
    expect(proto.split('\\<img src=x onerror=window.\\_\\_pwned=1>').length - 1).toBeGreaterThanOrEqual(4);
    const channel = fs.readFileSync(path.join(generated, 'events/channels/javascript-window-pwned-1.mdx'), 'utf8');
    expect(channel).toContain('\\<script>');
    expect(channel).toContain('`<img src=x onerror=window.__pwned=1>`');
  }, 120_000);
});
