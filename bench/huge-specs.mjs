#!/usr/bin/env node
/**
 * Huge API descriptions: generation time and peak memory on 20 MB and 50 MB descriptions whose base
 * schema maps hundreds of discriminator subtypes, the shape that made every page carry ~1,000 schemas.
 *
 *   node bench/huge-specs.mjs [--sizes 20,50] [--subtypes 650] [--keep]
 *
 * Each input is GitHub's REST description (`@octokit/openapi`, 13 MB, JSON) with its paths copied
 * under prefixes (`/copy-2/...`, operation ids suffixed) until the file reaches the size, plus a base
 * schema `HugeEvent` whose discriminator maps `--subtypes` generated subtypes (each `allOf` the base
 * and a few properties of its own, some of them refs to GitHub's schemas), returned as a `418`
 * response by every other operation. Generation alone (bench/generate.ts: discover, validate,
 * bundle, model, pages and page data written, as a build does before Docusaurus starts) runs cold in
 * its own process under `/usr/bin/time -v`, in a temporary site folder. Linux only (GNU time).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {fileURLToPath} from 'node:url';
import {filesUnder, markdownTable, measure, TIME} from './measure.mjs';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JITI = path.join(SITE_DIR, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const GITHUB = path.join(SITE_DIR, 'node_modules', '@octokit', 'openapi', 'generated', 'api.github.com.json');
const {values} = parseArgs({options: {sizes: {type: 'string', default: '20,50'}, subtypes: {type: 'string', default: '650'}, keep: {type: 'boolean'}, help: {type: 'boolean', short: 'h'}}});
if (values.help) {
  console.log('Usage: node bench/huge-specs.mjs [--sizes 20,50] [--subtypes 650] [--keep]');
  process.exit(0);
}
if (!fs.existsSync(TIME)) throw new Error('GNU time is needed at /usr/bin/time (apt-get install time)');
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** GitHub's description grown to `megabytes` with copied paths, and the discriminator fan-out added. */
function hugeSpec(megabytes, subtypes) {
  const base = JSON.parse(fs.readFileSync(GITHUB, 'utf8'));
  const schemas = base.components.schemas;
  const names = Object.keys(schemas).sort();
  const mapping = {};
  for (let i = 0; i < subtypes; i++) {
    const name = `HugeEvent${String(i).padStart(4, '0')}`;
    mapping[`kind-${i}`] = `#/components/schemas/${name}`;
    schemas[name] = {
      description: `Generated subtype ${i} of HugeEvent.`,
      allOf: [
        {$ref: '#/components/schemas/HugeEvent'},
        {
          type: 'object',
          properties: {
            [`field${i}`]: {type: 'string', description: `What subtype ${i} carries.`},
            count: {type: 'integer', minimum: 0},
            // Subtypes reach GitHub's own schemas, as real ones reach their descriptions' schemas.
            subject: {$ref: `#/components/schemas/${names[(i * 7) % names.length]}`},
          },
          required: [`field${i}`],
        },
      ],
    };
  }
  schemas.HugeEvent = {type: 'object', required: ['kind'], properties: {kind: {type: 'string'}, id: {type: 'integer'}}, discriminator: {propertyName: 'kind', mapping}};
  const originalPaths = Object.entries(base.paths);
  let operations = 0;
  const addEvent = (pathItem) => {
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!METHODS.has(method)) continue;
      if (operations++ % 2 === 0) operation.responses['418'] = {description: 'An event', content: {'application/json': {schema: {$ref: '#/components/schemas/HugeEvent'}}}};
    }
  };
  for (const [, pathItem] of originalPaths) addEvent(pathItem);
  const target = megabytes * 2 ** 20;
  for (let copy = 2; Buffer.byteLength(JSON.stringify(base)) < target; copy++) {
    for (const [route, pathItem] of originalPaths) {
      const copied = JSON.parse(JSON.stringify(pathItem));
      for (const [method, operation] of Object.entries(copied)) {
        if (METHODS.has(method) && operation.operationId) operation.operationId = `${operation.operationId}-copy-${copy}`;
      }
      addEvent(copied);
      base.paths[`/copy-${copy}${route}`] = copied;
    }
  }
  return {text: JSON.stringify(base), operations};
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-huge-specs-'));
const rows = [];
try {
  for (const megabytes of values.sizes.split(',').map(Number)) {
    const label = `spec-${megabytes}mb`;
    const target = path.join(work, label);
    fs.mkdirSync(target);
    const {text, operations} = hugeSpec(megabytes, Number(values.subtypes));
    fs.writeFileSync(path.join(target, 'openapi.json'), text);
    const site = path.join(work, `site-${megabytes}`);
    fs.mkdirSync(site);
    process.stderr.write(`${label}: ${(text.length / 2 ** 20).toFixed(1)} MB, ${operations} operations: generating...\n`);
    const result = await measure({command: process.execPath, args: [JITI, path.join(SITE_DIR, 'bench', 'generate.ts'), target, site], cwd: SITE_DIR, logDir: work, label});
    // Page data lives in each section's folder; the site model (docs-architect.json) sits at the root.
    const staticDir = path.join(site, '.docs-architect', 'static');
    const sectionDirs = fs.readdirSync(staticDir, {withFileTypes: true}).filter((entry) => entry.isDirectory()).map((entry) => path.join(staticDir, entry.name));
    const data = sectionDirs.map((dir) => filesUnder(dir, /\.json$/)).reduce((sum, part) => ({count: sum.count + part.count, bytes: sum.bytes + part.bytes}), {count: 0, bytes: 0});
    const mdx = filesUnder(path.join(site, '.docs-architect', 'generated'), /\.mdx$/);
    const largest = Math.max(0, ...sectionDirs.map(largestFile));
    const siteModel = fs.statSync(path.join(staticDir, 'docs-architect.json')).size;
    rows.push([`${(text.length / 2 ** 20).toFixed(1)} MB`, operations.toLocaleString('en'), result.wallS.toFixed(1), (result.userS + result.sysS).toFixed(1), Math.round(result.maxRssMB).toLocaleString('en'), mdx.count.toLocaleString('en'), `${data.count.toLocaleString('en')}, ${(data.bytes / 2 ** 20).toFixed(0)} MB`, `${(largest / 2 ** 10).toFixed(0)} KB`, `${(siteModel / 2 ** 20).toFixed(1)} MB`]);
    process.stderr.write(`${label}: ${result.wallS.toFixed(1)} s (${(result.userS + result.sysS).toFixed(1)} s of CPU), ${Math.round(result.maxRssMB)} MB\n`);
    fs.rmSync(site, {recursive: true, force: true});
  }
  console.log(markdownTable(['description', 'operations', 'generation wall s', 'CPU s (user + system)', 'peak MB', 'MDX pages', 'JSON files the pages fetch', 'largest of them', 'docs-architect.json'], rows));
} finally {
  if (values.keep) console.error(`kept ${work}`);
  else fs.rmSync(work, {recursive: true, force: true});
}

function largestFile(dir) {
  let largest = 0;
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, {recursive: true, withFileTypes: true}) : []) {
    if (entry.isFile()) largest = Math.max(largest, fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size);
  }
  return largest;
}
