/**
 * gRPC and AsyncAPI references in Chromium: the API kinds target (e2e/catalog.ts) has a `.proto`
 * tree and an AsyncAPI 3 description (test/apiKinds), beside the GraphQL schema and living docs that
 * e2e/graphql.spec.ts and e2e/living-docs.spec.ts read, built once with no config for them.
 */
import {test, expect, gotoHydrated} from './fixtures';
import {brokenLinks, servedTarget} from './targets';
import {TARGETS} from './catalog';

test.describe.configure({mode: 'serial'});

/** Lines of a build's output that are warnings: ours (`warning: ...`) and Docusaurus's (`[WARNING] ...`). */
const warningLines = (stderr: string) => stderr.split('\n').filter((line) => /^warning: |\[WARNING\]/.test(line));

test.describe('gRPC and AsyncAPI references', () => {
  let base: string;

  test.beforeAll(async () => {
    test.setTimeout(600_000);
    const site = await servedTarget(TARGETS.apiKinds);
    base = site.origin;
    // What `--strict` checked when these had a target of their own: no warning of any kind, broken
    // links included. The GraphQL fixture's broken file is the target's one warning, on purpose.
    // (The broken file's warning names it: `schema/broken.graphql`, not a broken link.)
    expect(brokenLinks(site.stderr).filter((line) => !line.includes('schema/broken.graphql'))).toEqual([]);
    expect(warningLines(site.stderr).filter((line) => !/schema\/broken\.graphql:3: GraphQL syntax error/.test(line))).toEqual([]);
    expect(warningLines(site.stderr)).toHaveLength(1);
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
    // With the GraphQL API, guides and Quality of this target beside them, the bar is too full for
    // the "APIs" group at this width: the group is in the page, and "More" lists its APIs together.
    const dropdown = page.locator('.navbar__item.dropdown', {hasText: 'APIs'});
    await expect(dropdown.locator('.dropdown__link')).toHaveText(['GraphQL API', 'gRPC API', 'Order events']);
    const more = page.locator('.navbar__item.dropdown:visible', {has: page.getByRole('button', {name: 'More'})});
    await more.hover();
    expect((await more.locator('.dropdown__menu a').allTextContents()).slice(0, 3)).toEqual(['GraphQL API', 'gRPC API', 'Order events']);
    expect(consoleErrors).toEqual([]);
  });
});
