/**
 * gRPC and AsyncAPI references in Chromium: one small target with a `.proto` tree and an AsyncAPI 3
 * description (test/apiKinds), built once with `--strict` and no config.
 */
import type {ChildProcess} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {test, expect, gotoHydrated} from './fixtures';
import {PORT} from '../playwright.config';
import {brokenLinks, buildSite, serveSite, tempDir} from './targets';
import {PROTO_TREE} from '../test/apiKinds/protoFixtures';
import {ASYNCAPI_3} from '../test/apiKinds/asyncApiFixtures';

test.describe.configure({mode: 'serial'});

test.describe('gRPC and AsyncAPI references', () => {
  const port = PORT + 61;
  const base = `http://127.0.0.1:${port}`;
  let target: string;
  let out: string;
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    target = tempDir('api-kinds');
    for (const [file, content] of Object.entries({...PROTO_TREE, 'asyncapi.yaml': ASYNCAPI_3})) {
      fs.mkdirSync(path.dirname(path.join(target, file)), {recursive: true});
      fs.writeFileSync(path.join(target, file), content);
    }
    out = tempDir('api-kinds-site');
    const stderr = buildSite(target, out, ['--strict']);
    expect(brokenLinks(stderr)).toEqual([]);
    server = await serveSite(out, port);
  });

  test.afterAll(() => {
    server?.kill();
    for (const dir of [target, out]) if (dir) fs.rmSync(dir, {recursive: true, force: true});
  });

  test('an RPC shows its request type linked, and the link lands on the message anchor', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/grpc/acme-orders-v1/`);
    const rpc = page.locator('h4#OrderService\\.PlaceOrder + p');
    await expect(rpc).toContainText('rpc PlaceOrder (acme.orders.v1.PlaceOrderRequest) returns (acme.orders.v1.Order), unary.');
    await expect(page.locator('h4#OrderService\\.WatchOrder + p')).toContainText('returns (stream acme.orders.v1.OrderEvent), server streaming.');
    await rpc.getByRole('link', {name: 'acme.orders.v1.PlaceOrderRequest'}).click();
    await expect(page).toHaveURL(`${base}/grpc/acme-orders-v1/#PlaceOrderRequest`);
    await expect(page.locator('h3#PlaceOrderRequest')).toBeInViewport();
    // A type of another package lands on its own page's anchor.
    await page.locator('h3#Order ~ table').first().getByRole('link', {name: 'acme.common.v1.Money'}).click();
    await expect(page).toHaveURL(`${base}/grpc/acme-common-v1/#Money`);
    await expect(page.locator('h3#Money')).toBeInViewport();
    expect(consoleErrors).toEqual([]);
  });

  test('an AsyncAPI channel page shows its payload fields and Kafka binding; both APIs share the navbar dropdown', async ({page, consoleErrors}) => {
    await gotoHydrated(page, `${base}/events/channels/ordercreated/`);
    await expect(page.locator('h1')).toHaveText('Order created');
    const payload = page.locator('h3#message-OrderCreated ~ table').first();
    await expect(payload.locator('tbody tr')).toHaveCount(5);
    await expect(payload.locator('tbody tr').nth(0)).toContainText('orderId');
    await expect(payload.locator('tbody tr').nth(0)).toContainText("The order's id.");
    await expect(payload.locator('tbody tr').nth(3)).toContainText('items[].quantity');
    await expect(page.locator('pre').filter({hasText: 'partitions: 12'})).toBeVisible();
    const dropdown = page.locator('.navbar__item.dropdown', {hasText: 'APIs'});
    await dropdown.hover();
    await expect(dropdown.locator('.dropdown__link')).toHaveText(['gRPC API', 'Order events']);
    expect(consoleErrors).toEqual([]);
  });
});
