/**
 * For tests and the benchmark: AsyncAPI descriptions written here — a 3.0 one with a Kafka channel,
 * reusable schemas, headers, examples and bindings; a 2.6 one with MQTT publish/subscribe; a broken
 * one — and a large generated description (many channels over shared schemas).
 */
export const ASYNCAPI_3 = `asyncapi: 3.0.0
info:
  title: Order events
  version: 2.1.0
  description: |
    Events of the **order** service.
servers:
  production:
    host: kafka.example.com:9092
    protocol: kafka
    description: The production cluster.
    bindings:
      kafka:
        schemaRegistryUrl: https://registry.example.com
channels:
  orderCreated:
    address: orders.created.v1
    title: Order created
    description: Every order placed, once.
    messages:
      OrderCreated:
        $ref: '#/components/messages/OrderCreated'
    bindings:
      kafka:
        topic: orders.created.v1
        partitions: 12
        replicas: 3
  orderStatus:
    address: orders.{orderId}.status
    parameters:
      orderId:
        description: The order's id.
    messages:
      StatusChanged:
        payload:
          type: object
          properties:
            status:
              type: string
              enum: [placed, shipped]
operations:
  publishOrderCreated:
    action: send
    channel:
      $ref: '#/channels/orderCreated'
    summary: Announce a new order.
    messages:
      - $ref: '#/channels/orderCreated/messages/OrderCreated'
    bindings:
      kafka:
        clientId:
          type: string
  onOrderStatus:
    action: receive
    channel:
      $ref: '#/channels/orderStatus'
components:
  messages:
    OrderCreated:
      title: Order created
      contentType: application/json
      headers:
        type: object
        properties:
          correlationId:
            type: string
            format: uuid
      payload:
        $ref: '#/components/schemas/Order'
      examples:
        - name: small
          payload:
            orderId: o-1
            items:
              - sku: A-1
                quantity: 2
  schemas:
    Order:
      type: object
      required: [orderId]
      properties:
        orderId:
          type: string
          description: The order's id.
        items:
          type: array
          items:
            type: object
            properties:
              sku:
                type: string
              quantity:
                type: integer
                minimum: 1
        parent:
          $ref: '#/components/schemas/Order'
`;

export const ASYNCAPI_2 = `{
  "asyncapi": "2.6.0",
  "info": {"title": "Streetlights", "version": "1.0.0"},
  "servers": {"mosquitto": {"url": "mqtt://test.mosquitto.org", "protocol": "mqtt", "bindings": {"mqtt": {"clientId": "streetlights"}}}},
  "channels": {
    "light/measured/{streetlightId}": {
      "parameters": {"streetlightId": {"description": "The streetlight's id.", "schema": {"type": "string"}}},
      "publish": {
        "operationId": "receiveLightMeasurement",
        "summary": "Light measured by a streetlight.",
        "message": {"name": "LightMeasured", "payload": {"type": "object", "properties": {"lumens": {"type": "integer", "minimum": 0}, "sentAt": {"type": "string", "format": "date-time"}}}}
      }
    },
    "light/dim": {
      "subscribe": {"message": {"name": "DimLight", "payload": {"type": "object", "properties": {"percentage": {"type": "integer", "maximum": 100}}}}}
    }
  }
}
`;

/** Valid YAML, invalid AsyncAPI: `info.version` missing and a channel address that is not a string. */
export const ASYNCAPI_BROKEN = 'asyncapi: 3.0.0\ninfo:\n  title: Broken\nchannels:\n  a:\n    address: 3\n';

/** A large 3.0 description: `channels` channels, each with a message over shared, nested schemas. */
export function largeAsyncApi(channels: number): string {
  const doc = {
    asyncapi: '3.0.0',
    info: {title: 'Large', version: '1.0.0', description: 'A generated description with many channels.'},
    servers: {kafka: {host: 'kafka:9092', protocol: 'kafka'}},
    channels: {} as Record<string, unknown>,
    operations: {} as Record<string, unknown>,
    components: {
      schemas: {
        Address: {type: 'object', properties: {street: {type: 'string', description: 'Street and number.'}, city: {type: 'string'}, country: {type: 'string', enum: ['DE', 'FR', 'US']}}},
        Customer: {type: 'object', required: ['id'], properties: {id: {type: 'string', format: 'uuid'}, name: {type: 'string'}, address: {$ref: '#/components/schemas/Address'}}},
      },
    },
  };
  for (let i = 0; i < channels; i++) {
    doc.channels[`entity${i}`] = {
      address: `domain.entity${i}.changed`,
      description: `Changes of entity ${i}, with *Markdown*.`,
      messages: {[`Entity${i}Changed`]: {payload: {type: 'object', properties: {id: {type: 'string'}, customer: {$ref: '#/components/schemas/Customer'}, lines: {type: 'array', items: {type: 'object', properties: {sku: {type: 'string'}, amount: {type: 'number'}}}}}}}},
      bindings: {kafka: {partitions: 6}},
    };
    doc.operations[`publishEntity${i}`] = {action: 'send', channel: {$ref: `#/channels/entity${i}`}, summary: `Publish entity ${i}.`};
  }
  return JSON.stringify(doc, null, 2);
}
