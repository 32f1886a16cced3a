/**
 * A repository written by an attacker, for the browser channel of issue 10: every place a target's
 * text reaches a reader's browser carries a payload that sets `window.__pwned` (or opens a dialog),
 * and a visible word (`HOSTILE-<channel>`) that must show as text. e2e/hostile-browser.spec.ts builds
 * it with the real CLI; sanitize.test.ts reuses the payloads.
 */
import {makeRepo, tempBase} from '../gitRepo';

/** Sets the flag the browser test reads. Quotes-free so it fits any attribute. */
export const PWN = 'window.__pwned=1';
export const IMG = `<img src=x onerror=${PWN}>`;
export const IFRAME = `<iframe srcdoc="<script>parent.__pwned=1;alert(1)</script>"></iframe>`;
export const SCRIPT = `<script>${PWN};alert(1)</script>`;

/** Words the reader must see, one per channel, and the hostile title the search must show as text. */
export const MARKERS = {
  guide: 'HOSTILE-GUIDE',
  mdx: 'HOSTILE-MDX',
  adr: 'HOSTILE-ADR',
  api: 'HOSTILE-API',
  operation: 'HOSTILE-OPERATION',
  schema: 'HOSTILE-SCHEMA',
  code: 'HOSTILE-CODE',
} as const;
export const SEARCH_TITLE = `Zanzibar ${IMG} title`;

const GUIDE = `---
title: "Guide ${MARKERS.guide} <img src=x onerror=window.__pwned=1>"
sidebar_label: "Guide <b onmouseover=window.__pwned=1>label</b>"
description: "<script>window.__pwned=1</script>"
---

# ${SEARCH_TITLE}

${MARKERS.guide} raw HTML follows.

${SCRIPT}

${IMG}

${IFRAME}

<object data="data:text/html,<script>parent.__pwned=1</script>"></object>

<a href="javascript:window.__pwned=1">html js link</a> <a href="data:text/html,<script>alert(1)</script>">html data link</a>

[md js link](javascript:window.__pwned=1) [md data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) [md vb link](vbscript:msgbox)

<details><summary>Kept formatting</summary>Details stay <kbd>Ctrl</kbd>.</details>

<div style="position:fixed;inset:0" onclick="window.__pwned=1">overlay</div>

See the [decision](./adr/0001-use-hostile-titles.md).
`;

const MDX = `---
title: ${MARKERS.mdx} page
---

import Fs from 'node:fs';

export const leak = 1;

# ${MARKERS.mdx} page

<img src="x" onError={() => { window.__pwned = 1; }} />

<div dangerouslySetInnerHTML={{__html: '<img src=x onerror=window.__pwned=1>'}} />

Text {(() => { if (typeof window !== 'undefined') window.__pwned = 1; return 'expr'; })()} after.

<a href="javascript:window.__pwned=1">mdx js link</a>
`;

const ADR = `# 1. Use ${IMG} Zanzibar ${MARKERS.adr} titles

## Status

Accepted

## Context

${SCRIPT} and [a link](javascript:window.__pwned=1) and ${IFRAME}.

## Decision

${MARKERS.adr} stays text.
`;

const SPEC = `openapi: 3.0.3
info:
  title: "${MARKERS.api} ${IMG}"
  version: "1.0"
  description: |
    ${MARKERS.api} description ${IFRAME}

    [js link](javascript:window.__pwned=1)
tags:
  - name: pets
    description: "Tag ${SCRIPT}"
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      summary: "${MARKERS.operation} ${IMG}"
      description: |
        ${MARKERS.operation} description.

        :::note
        &lt;img src=x onerror=window.__pwned=1&gt;
        :::

        ${IFRAME}
      parameters:
        - name: kind
          in: query
          description: "Kind ${SCRIPT}"
          schema:
            type: string
            enum: ['a\`<img src=x onerror=window.__pwned=1>\`']
      responses:
        "200":
          description: "OK ${IMG}"
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Pet"
components:
  schemas:
    Pet:
      type: object
      description: '${MARKERS.schema} ${IFRAME}'
      properties:
        name:
          type: string
          description: "Name ${IMG} :::danger"
        owner:
          type: string
          description: |
            :::warning[<img src=x onerror=window.__pwned=1>]
            &lt;img src=x onerror=window.__pwned=1&gt;
            :::
`;

const SOURCE = `/**
 * ${MARKERS.code}: ${IMG} and ${SCRIPT}.
 *
 * [js link](javascript:window.__pwned=1) {@link javascript:window.__pwned=1 | link tag}
 *
 * - ${SCRIPT}
 */
export function hostile(input: string): string {
  return input;
}
`;

/** The repository, committed, in a fresh temp folder; returns its path. */
export function makeHostileBrowserRepo(): string {
  const repo = makeRepo(tempBase('hostile-browser'));
  repo.commit(`feat: first ${IMG}`, {
    author: `Mallory ${IMG} <mallory@example.com>`,
    files: {
      'package.json': JSON.stringify({name: 'hostile-target', version: '1.0.0', description: `Tagline ${IMG}`, types: 'src/index.ts', main: 'src/index.ts'}, null, 2),
      'src/index.ts': SOURCE,
      'openapi.yaml': SPEC,
      'docs/guide.md': GUIDE,
      'docs/page.mdx': MDX,
      'docs/adr/0001-use-hostile-titles.md': ADR,
      'CHANGELOG.md': `# Changelog\n\n## 1.0.0\n\n- ${SCRIPT} [js](javascript:window.__pwned=1)\n`,
    },
  });
  return repo.dir;
}
