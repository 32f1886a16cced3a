/**
 * The gRPC / protobuf reference as extract leaves it for render (docs/adr/0044): every `.proto` file
 * of the repository in one section, its definitions grouped by package. Plain JSON, sorted, versioned.
 */
import type {SectionModel} from '../core/types';

export const PROTOBUF_MODEL_VERSION = 1;

export interface ProtobufModel extends SectionModel {
  /** Each `.proto` file read, relative POSIX path, sorted. */
  files: ProtoFileModel[];
  packages: ProtoPackageModel[];
  /** Problems found, as `file:line: what. fix` (also build warnings). */
  problems: string[];
}

export interface ProtoFileModel {
  file: string;
  package: string;
  syntax: string;
  /** Imports as written, with the repository file each resolved to (absent: well-known or missing). */
  imports: {path: string; file?: string; wellKnown?: boolean}[];
  /** False when the file could not be parsed (its definitions are missing). */
  parsed: boolean;
}

export interface ProtoPackageModel {
  /** `google.pubsub.v1`; '' for files without a package. */
  name: string;
  /** URL segment of its page under the section. */
  slug: string;
  files: string[];
  services: ServiceModel[];
  messages: MessageModel[];
  enums: EnumModel[];
}

/** What every definition has: where it is and what it says of itself. */
export interface DefinitionBase {
  /** Fully qualified, without the leading dot: `google.pubsub.v1.Topic`. */
  fullName: string;
  /** Name relative to its package (`Outer.Inner` for a nested message); also its anchor. */
  name: string;
  file: string;
  line?: number;
  /** The leading comment, Markdown. */
  description?: string;
  deprecated: boolean;
  /** Options other than `deprecated`, as `name = value` strings, sorted. */
  options: string[];
}

export interface ServiceModel extends DefinitionBase {
  rpcs: RpcModel[];
}

export interface RpcModel {
  name: string;
  /** `Service.Method`: its anchor on the package page. */
  anchor: string;
  description?: string;
  deprecated: boolean;
  options: string[];
  request: TypeRef;
  response: TypeRef;
  clientStreaming: boolean;
  serverStreaming: boolean;
  /** A grpcurl command that calls it on a local server. */
  grpcurl: string;
}

/** A type as a field or RPC names it: a scalar, a definition of this reference, or a well-known type. */
export interface TypeRef {
  /** As shown: `string`, `google.pubsub.v1.Topic`, `google.protobuf.Timestamp`. */
  name: string;
  /** A message or enum documented by this section (its fullName). */
  fullName?: string;
  /** A protobuf well-known type (google.protobuf.*), linked to the protobuf documentation. */
  wellKnown?: boolean;
}

export interface MessageModel extends DefinitionBase {
  fields: FieldModel[];
  /** `oneof` groups: name and the fields they hold. */
  oneofs: {name: string; fields: string[]}[];
}

export interface FieldModel {
  name: string;
  number: number;
  type: TypeRef;
  /** `repeated`, `optional`, `required`, `map<K, V>`, or '' for a singular proto3 field. */
  label: string;
  /** For a map field, the key type (`type` is the value type). */
  keyType?: string;
  description?: string;
  deprecated: boolean;
  options: string[];
}

export interface EnumModel extends DefinitionBase {
  values: {name: string; number: number; description?: string; deprecated: boolean}[];
}
