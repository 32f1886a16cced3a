/**
 * For tests: a small `.proto` tree written by us (imports across folders, a streaming RPC, an enum,
 * deprecations, a map, a oneof, well-known types), a broken file, and real googleapis trees copied
 * from the `google-proto-files` package with every import they need (nobody here wrote those).
 */
import fs from 'node:fs';
import path from 'node:path';
import protobuf from 'protobufjs';

export const PROTO_TREE: Record<string, string> = {
  'proto/acme/orders/v1/orders.proto': `syntax = "proto3";

package acme.orders.v1;

import "acme/common/v1/money.proto";
import "google/protobuf/timestamp.proto";

// Places and follows orders.
service OrderService {
  // Places an order; the response is the order as stored.
  rpc PlaceOrder(PlaceOrderRequest) returns (Order);
  // Streams every change of an order until it is delivered.
  rpc WatchOrder(WatchOrderRequest) returns (stream OrderEvent);
  // Old name of PlaceOrder.
  rpc CreateOrder(PlaceOrderRequest) returns (Order) {
    option deprecated = true;
  }
  rpc Chat(stream OrderEvent) returns (stream OrderEvent);
}

// An order as stored.
message Order {
  // Server-assigned id.
  string id = 1;
  repeated LineItem items = 2;
  OrderState state = 3;
  acme.common.v1.Money total = 4;
  google.protobuf.Timestamp created_at = 5;
  map<string, string> labels = 6;
  string legacy_code = 7 [deprecated = true];
  optional string note = 8;
  oneof payment {
    string card_token = 9;
    string invoice_id = 10;
  }

  // One product in an order.
  message LineItem {
    string sku = 1;
    int32 quantity = 2;
  }
}

message PlaceOrderRequest {
  repeated Order.LineItem items = 1;
}

message WatchOrderRequest {
  string order_id = 1;
}

message OrderEvent {
  string order_id = 1;
  OrderState state = 2;
}

// Where an order is.
enum OrderState {
  ORDER_STATE_UNSPECIFIED = 0;
  // Paid and waiting to ship.
  ORDER_STATE_PLACED = 1;
  ORDER_STATE_SHIPPED = 2;
  ORDER_STATE_LOST = 3 [deprecated = true];
}
`,
  'proto/acme/common/v1/money.proto': `syntax = "proto3";

package acme.common.v1;

// An amount of money in a currency.
message Money {
  option deprecated = false;
  // ISO 4217 code.
  string currency_code = 1;
  int64 units = 2;
}
`,
};

/** A file protobufjs cannot parse: line 4 lacks its `;`. */
export const BROKEN_PROTO = {'proto/acme/broken/v1/broken.proto': 'syntax = "proto3";\npackage acme.broken.v1;\nmessage Broken {\n  string name = 1\n}\n'};

const GOOGLE_PROTO_FILES = path.dirname(require.resolve('google-proto-files/package.json'));

/**
 * The files of a googleapis tree with the transitive closure of their imports, as a target would
 * hold them, leaving out the well-known types protobufjs bundles (so those resolve from protobufjs).
 */
export function googleapisTree(roots: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const queue = roots.flatMap((root) => {
    const folder = path.join(GOOGLE_PROTO_FILES, root);
    return fs.statSync(folder).isDirectory() ? fs.readdirSync(folder).filter((f) => f.endsWith('.proto')).map((f) => `${root}/${f}`) : [root];
  });
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (file in files || protobuf.common.get(file)) continue;
    const text = fs.readFileSync(path.join(GOOGLE_PROTO_FILES, file), 'utf8');
    files[file] = text;
    for (const match of text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"/gm)) queue.push(match[1]!);
  }
  return files;
}
