/**
 * The parsed AsyncAPI document as the model. The parser's models answer for 2.x and 3.x alike
 * (`operations()` holds 2.x's publish and subscribe too); what differs is read here: a 2.x server's
 * `url`, a 2.x operation without `operationId`. Payload schemas are flattened into property rows.
 */
import type {AsyncAPIDocumentInterface, BindingsInterface, MessageInterface} from '@asyncapi/parser';
import {stringify} from 'yaml';
import {flattenSchema} from './flattenSchema';
import {ASYNCAPI_MODEL_VERSION, type AsyncApiOk, type BindingModel, type ChannelModel, type MessageModel, type OperationModel, type ServerModel} from './model';

export function extractModel(document: AsyncAPIDocumentInterface, file: string, problems: string[]): AsyncApiOk {
  const info = document.info();
  const version = document.version();
  const slugs = new Set<string>();
  const channels: ChannelModel[] = document.channels().all().map((channel) => {
    const anchors = new Set<string>();
    return {
      id: channel.id(),
      slug: unique(slugOf(channel.id()), slugs),
      ...optional('address', channel.address() ?? undefined),
      ...optional('title', jsonString(channel.json(), 'title')),
      ...optional('summary', jsonString(channel.json(), 'summary')),
      ...optional('description', channel.description()),
      servers: channel.servers().all().map((server) => server.id()),
      parameters: channel.parameters().all().map((parameter) => {
        // 3.x puts enum and default on the parameter, 2.x in its schema.
        const own = parameter.json() as {enum?: unknown[]; default?: unknown};
        const schema = parameter.schema()?.json() as {enum?: unknown[]; default?: unknown} | undefined;
        const values = own.enum ?? schema?.enum;
        const fallback = own.default ?? schema?.default;
        return {
          name: parameter.id(),
          ...optional('description', parameter.description()),
          ...(values ? {values: values.map(String)} : {}),
          ...(fallback !== undefined ? {default: String(fallback)} : {}),
        };
      }),
      bindings: bindings(channel.bindings()),
      messages: channel.messages().all().map((message, index) => messageModel(message, `message ${index + 1}`, anchors)),
    };
  });

  const byChannel = new Map(channels.map((channel) => [channel.id, channel]));
  const operationAnchors = new Set<string>();
  const operations: OperationModel[] = document.operations().all().map((operation) => {
    const channel = operation.channels().all()[0]?.id() ?? '';
    const action = operation.action();
    // In 2.x an operation without operationId is named by its action only: the channel tells them apart.
    const id = version.startsWith('2.') && !operation.operationId() ? `${channel} ${action}` : (operation.id() ?? `${channel} ${action}`);
    const known = byChannel.get(channel)?.messages ?? [];
    return {
      id,
      anchor: unique(`operation-${anchorOf(id)}`, operationAnchors),
      action,
      channel,
      ...optional('title', jsonString(operation.json(), 'title')),
      ...optional('summary', operation.summary()),
      ...optional('description', operation.description()),
      deprecated: Boolean((operation.json() as {deprecated?: unknown}).deprecated),
      messages: operation.messages().all().map((message, index) => {
        const name = message.id() ?? message.name() ?? `message ${index + 1}`;
        return {name, anchor: known.find((candidate) => candidate.name === name)?.anchor ?? `message-${anchorOf(name)}`};
      }),
      bindings: bindings(operation.bindings()),
    };
  });

  const servers: ServerModel[] = document.servers().all().map((server) => ({
    name: server.id(),
    url: version.startsWith('2.') ? server.url() : `${server.host()}${server.pathname() ?? ''}`,
    protocol: server.protocol(),
    ...optional('protocolVersion', server.protocolVersion()),
    ...optional('description', server.description()),
    bindings: bindings(server.bindings()),
  }));

  return {
    version: ASYNCAPI_MODEL_VERSION,
    state: 'ok',
    file,
    asyncapi: version,
    title: info.title(),
    apiVersion: info.version(),
    ...optional('description', info.description()),
    ...optional('defaultContentType', document.defaultContentType()),
    servers,
    channels,
    operations,
    problems,
  };
}

function messageModel(message: MessageInterface, fallback: string, anchors: Set<string>): MessageModel {
  const name = message.id() ?? message.name() ?? fallback;
  const payload = message.payload();
  const payloadId = payload?.id();
  return {
    name,
    anchor: unique(`message-${anchorOf(name)}`, anchors),
    ...optional('title', message.title()),
    ...optional('summary', message.summary()),
    ...optional('description', message.description()),
    ...optional('contentType', message.contentType()),
    deprecated: Boolean((message.json() as {deprecated?: unknown}).deprecated),
    // The parser names an inline schema `<anonymous-schema-3>`; a component keeps its own name.
    ...(payloadId && !payloadId.startsWith('<anonymous') ? {payloadSchema: payloadId} : {}),
    payload: payload ? flattenSchema(payload.json()) : [],
    headers: message.headers() ? flattenSchema(message.headers()!.json()) : [],
    examples: message.examples().all().map((example) => ({
      ...optional('name', example.name()),
      ...optional('summary', example.summary()),
      json: `${JSON.stringify(withoutParserKeys({...(example.hasHeaders() ? {headers: example.headers()} : {}), ...(example.hasPayload() ? {payload: example.payload()} : {})}), null, 2)}`,
    })),
    bindings: bindings(message.bindings()),
  };
}

function bindings(all: BindingsInterface): BindingModel[] {
  return all
    .all()
    .map((binding) => ({protocol: binding.protocol(), yaml: stringify(withoutParserKeys(binding.value()), {lineWidth: 0}).trimEnd()}))
    .sort((a, b) => (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
}

/** The parser marks what it read with `x-parser-*` keys; they are its bookkeeping, not the author's. */
function withoutParserKeys(value: unknown, seen = new Set<unknown>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '(circular)';
  seen.add(value);
  const result = Array.isArray(value)
    ? value.map((item) => withoutParserKeys(item, seen))
    : Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => !key.startsWith('x-parser-'))
          .map(([key, item]) => [key, withoutParserKeys(item, seen)]),
      );
  seen.delete(value);
  return result;
}

function jsonString(json: unknown, key: string): string | undefined {
  const value = (json as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : undefined;
}

function optional<K extends string>(key: K, value: string | undefined | null): Partial<Record<K, string>> {
  return value ? ({[key]: value} as Record<K, string>) : {};
}

/** An id as a heading id: only the characters an MDX heading comment allows. */
export function anchorOf(id: string): string {
  return id.replace(/[^A-Za-z0-9_.:-]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

function slugOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'channel';
}

function unique(candidate: string, taken: Set<string>): string {
  let result = candidate;
  for (let n = 2; taken.has(result); n++) result = `${candidate}-${n}`;
  taken.add(result);
  return result;
}
