/**
 * The AsyncAPI reference through prepareSite on real targets in the temp folder: a 3.0 description
 * with a Kafka channel and a 2.6 one, found with no config; a broken one (error page, warning with
 * file and line, strict fails); a $ref out of the repository (not followed).
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempFolders} from '../../test/tempFolders';
import {formatUserError, isUserError} from '../core/errors';
import {prepareSite} from '../core/prepareSite';
import {ASYNCAPI_2, ASYNCAPI_3, ASYNCAPI_BROKEN} from '../../test/apiKinds/asyncApiFixtures';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {siteModelProblems} from '../../e2e/siteModelSchema';
import {serializeSiteModel} from '../core/site/siteModel';
import {asyncapiGenerator} from './generator';
import type {AsyncApiOk, AsyncApiSectionModel} from './model';

const {tempDir, makeTarget} = tempFolders('asyncapi');

async function prepare(target: string, strict = false) {
  const siteDir = tempDir('asyncapi-site');
  const plan = await prepareSite({siteDir, target, generators: [asyncapiGenerator], strict});
  const generated = (id: string) => path.join(siteDir, '.docs-architect', 'generated', id);
  const model = (id: string) => plan.siteModel.sections.find((s) => s.id === id)?.model as AsyncApiSectionModel;
  return {plan, generated, model, warnings: plan.context.report.warnings.map(formatUserError)};
}

function pages(folder: string): string[] {
  return (fs.readdirSync(folder, {recursive: true}) as string[]).filter((file) => file.endsWith('.mdx')).sort();
}

describe('asyncapiGenerator', () => {
  it('documents a 3.0 description with a Kafka channel and a 2.6 one, found by their root key', async () => {
    const target = makeTarget({'asyncapi.yaml': ASYNCAPI_3, 'events/streetlights.json': ASYNCAPI_2, 'other.yaml': 'openapi: 3.0.0\n'});
    const {plan, generated, model, warnings} = await prepare(target);
    expect(warnings).toEqual([]);
    expect(siteModelProblems(JSON.parse(serializeSiteModel(plan.siteModel)))).toEqual([]);
    expect(plan.sections.filter((s) => s.kind === 'generated').map((s) => [s.id, s.title, s.navbarGroup])).toEqual([
      ['events-order-events', 'Order events', 'APIs'],
      ['events-streetlights', 'Streetlights', 'APIs'],
    ]);
    const orders = model('events-order-events') as AsyncApiOk;
    expect(orders.servers).toEqual([{name: 'production', url: 'kafka.example.com:9092', protocol: 'kafka', description: 'The production cluster.', bindings: [{protocol: 'kafka', yaml: 'schemaRegistryUrl: https://registry.example.com'}]}]);
    expect(orders.operations.map((op) => [op.id, op.action, op.channel, op.messages.map((m) => m.anchor)])).toEqual([
      ['publishOrderCreated', 'send', 'orderCreated', ['message-OrderCreated']],
      ['onOrderStatus', 'receive', 'orderStatus', ['message-StatusChanged']],
    ]);
    const created = orders.channels[0]!;
    expect(created.bindings).toEqual([{protocol: 'kafka', yaml: 'topic: orders.created.v1\npartitions: 12\nreplicas: 3'}]);
    expect(created.messages[0]!.payloadSchema).toBe('Order');
    expect(created.messages[0]!.payload.map((row) => [row.path, row.type, row.required])).toEqual([
      ['orderId', 'string', true],
      ['items', 'array of object', false],
      ['items[].sku', 'string', false],
      ['items[].quantity', 'integer', false],
      ['parent', 'object (Order) (circular)', false],
    ]);
    expect(created.messages[0]!.headers.map((row) => [row.path, row.facts])).toEqual([['correlationId', ['format: uuid']]]);
    expect(orders.channels[1]!.parameters).toEqual([{name: 'orderId', description: "The order's id."}]);

    const lights = model('events-streetlights') as AsyncApiOk;
    expect(lights.asyncapi).toBe('2.6.0');
    expect(lights.operations.map((op) => [op.id, op.action])).toEqual([
      ['receiveLightMeasurement', 'publish'],
      ['light/dim subscribe', 'subscribe'],
    ]);
    expect(lights.servers[0]).toMatchObject({url: 'mqtt://test.mosquitto.org', protocol: 'mqtt', bindings: [{protocol: 'mqtt', yaml: 'clientId: streetlights'}]});

    const orderPages = pages(generated('events-order-events'));
    expect(orderPages).toEqual(['channels/ordercreated.mdx', 'channels/orderstatus.mdx', 'index.mdx']);
    const channel = fs.readFileSync(path.join(generated('events-order-events'), 'channels/ordercreated.mdx'), 'utf8');
    expect(channel).toContain('| `items[].quantity` | `integer` | | `minimum: 1` |');
    expect(channel).toContain('### publishOrderCreated {/* #operation-publishOrderCreated */}');
    expect(channel).toContain('[`OrderCreated`](#message-OrderCreated)');
    expect(channel).toContain('"sku": "A-1"');
    const index = fs.readFileSync(path.join(generated('events-order-events'), 'index.mdx'), 'utf8');
    expect(index).toContain('[`publishOrderCreated`](/events-order-events/channels/ordercreated/#operation-publishOrderCreated)');
    expect(index).toContain('Events of the **order** service.');
    const all = [...orderPages.map((p) => path.join(generated('events-order-events'), p)), ...pages(generated('events-streetlights')).map((p) => path.join(generated('events-streetlights'), p))];
    expect(all).toHaveLength(6);
    for (const file of all) await compileLikeDocusaurus(fs.readFileSync(file, 'utf8'));
  }, 60_000);

  it('a broken description: an error page, a warning with file and line, the rest builds, strict fails', async () => {
    const target = makeTarget({'asyncapi.yaml': ASYNCAPI_3, 'broken/asyncapi.yaml': ASYNCAPI_BROKEN});
    const {plan, generated, warnings} = await prepare(target);
    const file = path.join(target, 'broken/asyncapi.yaml');
    expect(warnings).toEqual([
      `${file}:2: info: cannot build the AsyncAPI description reference: "info" property must have required property "version". Fix the description; until then its section shows this error.`,
      `${file}:6: channels.a.address: cannot build the AsyncAPI description reference: "address" property type must be string,null. Fix the description; until then its section shows this error.`,
    ]);
    expect(plan.sections.filter((s) => s.kind === 'generated').map((s) => s.id)).toEqual(['events-order-events', 'events-asyncapi-yaml']);
    expect(siteModelProblems(JSON.parse(serializeSiteModel(plan.siteModel)))).toEqual([]);
    expect(fs.readFileSync(path.join(generated('events-asyncapi-yaml'), 'index.mdx'), 'utf8')).toContain('broken/asyncapi.yaml:6: channels.a.address: cannot build');
    const error = await prepare(target, true).then(() => undefined, (e: unknown) => e);
    expect(isUserError(error)).toBe(true);
  }, 60_000);

  it('a $ref out of the repository is not followed', async () => {
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'schema.yaml'), 'type: object\nproperties:\n  plantedOutside: {type: string}\n');
    const doc = ASYNCAPI_3.replace("payload:\n        $ref: '#/components/schemas/Order'", `payload:\n        $ref: '../${path.basename(outside)}/schema.yaml'`);
    const target = makeTarget({'asyncapi.yaml': doc});
    const {plan, warnings} = await prepare(target);
    expect(warnings.map((w) => w.replace(target, '<target>'))).toEqual([`<target>/asyncapi.yaml: invalid AsyncAPI description: $ref "../${path.basename(outside)}/schema.yaml" leads outside the repository and was not followed. Fix the description; its pages are built anyway.`]);
    expect(JSON.stringify(plan.siteModel)).not.toContain('plantedOutside');
  }, 60_000);
});
