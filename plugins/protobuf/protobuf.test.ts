/**
 * The gRPC reference through prepareSite on real targets in the temp folder: our tree with imports,
 * streaming, enums and deprecations; a broken file beside it (warning, rest builds, strict fails);
 * and googleapis trees from google-proto-files, which nobody here wrote, parsed and generated.
 */
import fs from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {tempFolders} from '../../test/tempFolders';
import {formatUserError, isUserError} from '../core/errors';
import {prepareSite} from '../core/prepareSite';
import {BROKEN_PROTO, googleapisTree, PROTO_TREE} from '../../test/apiKinds/protoFixtures';
import {compileLikeDocusaurus} from '../../test/compileLikeDocusaurus';
import {siteModelProblems} from '../../e2e/siteModelSchema';
import {serializeSiteModel} from '../core/site/siteModel';
import {protobufGenerator} from './generator';
import type {ProtobufModel} from './model';

const {tempDir, makeTarget} = tempFolders('proto');

async function prepare(target: string, strict = false) {
  const siteDir = tempDir('proto-site');
  const plan = await prepareSite({siteDir, target, generators: [protobufGenerator], strict});
  const section = plan.sections.find((s) => s.id === 'grpc');
  const generated = section ? path.join(siteDir, '.docs-architect', 'generated', 'grpc') : undefined;
  return {plan, siteDir, generated, warnings: plan.context.report.warnings.map(formatUserError)};
}

type Plan = Awaited<ReturnType<typeof prepareSite>>;
const modelOf = (plan: Plan) => plan.siteModel.sections.find((s) => s.id === 'grpc')!.model as ProtobufModel;

describe('protobufGenerator', () => {
  it('documents a tree with imports, streaming RPCs, an enum and deprecations, with no config', async () => {
    const {plan, generated, warnings} = await prepare(makeTarget(PROTO_TREE));
    expect(warnings).toEqual([]);
    expect(siteModelProblems(JSON.parse(serializeSiteModel(plan.siteModel)))).toEqual([]);
    const section = plan.sections.find((s) => s.id === 'grpc')!;
    expect([section.title, section.navbarGroup]).toEqual(['gRPC API', 'APIs']);
    expect(fs.readdirSync(generated!).sort()).toEqual(['acme-common-v1.mdx', 'acme-orders-v1.mdx', 'index.mdx']);
    const model = modelOf(plan);
    const orders = model.packages.find((p) => p.name === 'acme.orders.v1')!;
    expect(orders.services.map((s) => s.rpcs.map((r) => [r.name, r.clientStreaming, r.serverStreaming, r.deprecated]))).toEqual([
      [
        ['Chat', true, true, false],
        ['CreateOrder', false, false, true],
        ['PlaceOrder', false, false, false],
        ['WatchOrder', false, true, false],
      ],
    ]);
    const order = orders.messages.find((m) => m.name === 'Order')!;
    expect(order.fields.map((f) => [f.name, f.number, f.type.name, f.label, f.deprecated])).toEqual([
      ['id', 1, 'string', '', false],
      ['items', 2, 'acme.orders.v1.Order.LineItem', 'repeated', false],
      ['state', 3, 'acme.orders.v1.OrderState', '', false],
      ['total', 4, 'acme.common.v1.Money', '', false],
      ['created_at', 5, 'google.protobuf.Timestamp', '', false],
      ['labels', 6, 'string', 'map<string, string>', false],
      ['legacy_code', 7, 'string', '', true],
      ['note', 8, 'string', 'optional', false],
      ['card_token', 9, 'string', '', false],
      ['invoice_id', 10, 'string', '', false],
    ]);
    expect(order.fields[3]!.type).toEqual({name: 'acme.common.v1.Money', fullName: 'acme.common.v1.Money'});
    expect(order.fields[4]!.type).toEqual({name: 'google.protobuf.Timestamp', wellKnown: true});
    expect(order.oneofs).toEqual([{name: 'payment', fields: ['card_token', 'invoice_id']}]);
    expect(order).toMatchObject({description: 'An order as stored.', file: 'proto/acme/orders/v1/orders.proto', line: 22});
    expect(orders.enums[0]!.values.map((v) => [v.name, v.number, v.deprecated, v.description ?? ''])).toEqual([
      ['ORDER_STATE_UNSPECIFIED', 0, false, ''],
      ['ORDER_STATE_PLACED', 1, false, 'Paid and waiting to ship.'],
      ['ORDER_STATE_SHIPPED', 2, false, ''],
      ['ORDER_STATE_LOST', 3, true, ''],
    ]);
    expect(model.files.find((f) => f.file.endsWith('orders.proto'))!.imports).toEqual([
      {path: 'acme/common/v1/money.proto', file: 'proto/acme/common/v1/money.proto'},
      {path: 'google/protobuf/timestamp.proto', wellKnown: true},
    ]);

    const page = fs.readFileSync(path.join(generated!, 'acme-orders-v1.mdx'), 'utf8');
    // The request type links to its anchor, across packages through the link index.
    expect(page).toContain('[`acme.orders.v1.PlaceOrderRequest`](/grpc/acme-orders-v1/#PlaceOrderRequest)');
    expect(page).toContain('[`acme.common.v1.Money`](/grpc/acme-common-v1/#Money)');
    expect(page).toContain('[`google.protobuf.Timestamp`](https://protobuf.dev/reference/protobuf/google.protobuf/#timestamp)');
    expect(page).toContain('**stream** [`acme.orders.v1.OrderEvent`]');
    expect(page).toContain(`grpcurl -plaintext -d '{"order_id":""}' localhost:50051 acme.orders.v1.OrderService/WatchOrder`);
    expect(page).toContain('### OrderState {/* #OrderState */}');
    const files = fs.readdirSync(generated!);
    expect(files).toHaveLength(3);
    for (const file of files) await compileLikeDocusaurus(fs.readFileSync(path.join(generated!, file), 'utf8'));
    expect(plan.siteModel.links.filter((entry) => entry.url.startsWith('/grpc/') && entry.kind !== 'section').length).toBe(/* a service and its 4 RPCs, 6 messages (one nested), 1 enum, 2 files */ 5 + 6 + 1 + 2);
  });

  it('a broken file is a file:line warning, the rest builds, and strict mode fails', async () => {
    const target = makeTarget({...PROTO_TREE, ...BROKEN_PROTO});
    const {plan, generated, warnings} = await prepare(target);
    expect(warnings).toEqual([`${path.join(target, 'proto/acme/broken/v1/broken.proto')}:5: invalid protobuf file: cannot parse: illegal token '}', ';' expected. Fix the syntax; the other .proto files are documented without this one.`]);
    expect(plan.sections.some((s) => s.id === 'grpc')).toBe(true);
    expect(fs.readFileSync(path.join(generated!, 'index.mdx'), 'utf8')).toContain('proto/acme/broken/v1/broken.proto:5: cannot parse');
    const error = await prepare(target, true).then(() => undefined, (e: unknown) => e);
    expect(isUserError(error)).toBe(true);
  });

  it('an import outside the repository is not followed: a warning, its types unlinked', async () => {
    const outside = tempDir('outside');
    fs.writeFileSync(path.join(outside, 'secret.proto'), 'syntax = "proto3";\nmessage Secret { string planted_outside = 1; }\n');
    const target = makeTarget({'a.proto': `syntax = "proto3";\nimport "../${path.basename(outside)}/secret.proto";\nmessage A { Secret s = 1; }\n`});
    const {plan, warnings} = await prepare(target);
    expect(warnings.map((w) => w.replace(target, '<target>'))).toEqual([
      `<target>/a.proto:2: invalid protobuf file: import "../${path.basename(outside)}/secret.proto" is not a file of the repository. Add the file under the same path, or remove the import; types from it are shown unlinked.`,
      '<target>/a.proto:3: invalid protobuf file: field A.s has type "Secret", which no file read defines. Define the type or import the file that does; the field is shown with its type unlinked.',
    ]);
    expect(JSON.stringify(plan.siteModel)).not.toContain('planted_outside');
  });

  it('generates googleapis Pub/Sub and long-running operations from google-proto-files', async () => {
    const tree = googleapisTree(['google/pubsub/v1', 'google/longrunning']);
    const target = makeTarget(tree);
    const started = performance.now();
    const {plan, generated, warnings} = await prepare(target);
    const ms = performance.now() - started;
    expect(warnings).toEqual([]);
    const model = modelOf(plan);
    const pkg = (name: string) => model.packages.find((p) => p.name === name)!;
    expect(model.files.length).toBe(Object.keys(tree).length);
    expect(pkg('google.pubsub.v1').services.map((s) => [s.name, s.rpcs.length])).toEqual([
      ['Publisher', 9],
      ['SchemaService', 10],
      ['Subscriber', 16],
    ]);
    expect(pkg('google.pubsub.v1').services[2]!.rpcs.find((r) => r.name === 'StreamingPull')).toMatchObject({clientStreaming: true, serverStreaming: true});
    expect(pkg('google.pubsub.v1').messages.length).toBeGreaterThanOrEqual(60);
    expect(pkg('google.longrunning').services[0]!.rpcs.map((r) => r.name)).toEqual(['CancelOperation', 'DeleteOperation', 'GetOperation', 'ListOperations', 'WaitOperation']);
    const pages = fs.readdirSync(generated!);
    expect(pages.length).toBe(model.packages.length + 1);
    const pubsub = fs.readFileSync(path.join(generated!, 'google-pubsub-v1.mdx'), 'utf8');
    expect(pubsub).toContain('[`google.pubsub.v1.PublishRequest`](/grpc/google-pubsub-v1/#PublishRequest)');
    expect(pubsub).toContain('(google.api.http).post = ');
    await compileLikeDocusaurus(pubsub);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);
});
