/**
 * An AsyncAPI description (2.x or 3.x) as extract leaves it for render (docs/adr/0044): one section
 * per description, its channels each a page with their operations and messages. Plain JSON, sorted
 * where the description's order carries no meaning, versioned.
 */
import type {SectionModel} from '../core/types';

export const ASYNCAPI_MODEL_VERSION = 1;

export type AsyncApiSectionModel = AsyncApiOk | AsyncApiError;

export interface AsyncApiOk extends SectionModel {
  state: 'ok';
  /** Relative POSIX path of the description. */
  file: string;
  /** The AsyncAPI version it declares (`3.0.0`, `2.6.0`). */
  asyncapi: string;
  title: string;
  apiVersion: string;
  description?: string;
  defaultContentType?: string;
  servers: ServerModel[];
  channels: ChannelModel[];
  operations: OperationModel[];
  /** Problems of a description that still parsed, as `file:line: what. fix`. */
  problems: string[];
}

export interface AsyncApiError extends SectionModel {
  state: 'error';
  file: string;
  title: string;
  /** The lines the build printed, with paths relative to the repository. */
  messages: string[];
}

export interface ServerModel {
  name: string;
  /** `host` + `pathname` (3.x) or `url` (2.x). */
  url: string;
  protocol: string;
  protocolVersion?: string;
  description?: string;
  bindings: BindingModel[];
}

/** A protocol's bindings (Kafka, AMQP, MQTT...) as YAML text: their shape is the protocol's, not ours. */
export interface BindingModel {
  protocol: string;
  yaml: string;
}

export interface ChannelModel {
  /** The key under `channels`. */
  id: string;
  /** URL segment of its page under `/<section>/channels/`. */
  slug: string;
  address?: string;
  title?: string;
  summary?: string;
  description?: string;
  servers: string[];
  parameters: {name: string; description?: string; values?: string[]; default?: string}[];
  bindings: BindingModel[];
  messages: MessageModel[];
}

export interface OperationModel {
  id: string;
  /** Anchor on its channel's page. */
  anchor: string;
  /** `send`/`receive` (3.x) or `publish`/`subscribe` (2.x), as the description says. */
  action: string;
  /** The channel's id (operations sit on their channel's page). */
  channel: string;
  title?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Anchors of the messages (on the channel's page) it sends or receives. */
  messages: {name: string; anchor: string}[];
  bindings: BindingModel[];
}

export interface MessageModel {
  /** The message's id, else its name, else its place in the channel. */
  name: string;
  anchor: string;
  title?: string;
  summary?: string;
  description?: string;
  contentType?: string;
  deprecated: boolean;
  /** The schema's name when it is a reusable component (`components.schemas`). */
  payloadSchema?: string;
  payload: PropertyRow[];
  headers: PropertyRow[];
  examples: {name?: string; summary?: string; json: string}[];
  bindings: BindingModel[];
}

/** One property of a payload flattened into a table row: `items[].sku` at depth 2. */
export interface PropertyRow {
  path: string;
  type: string;
  required: boolean;
  description?: string;
  /** Enum values, format, bounds, default: short facts. */
  facts: string[];
}
