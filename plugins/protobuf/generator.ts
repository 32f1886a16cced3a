/**
 * The gRPC / protobuf reference: every `.proto` file of the repository, found with no config, in one
 * section grouped by package (docs/adr/0044). Reads top to bottom: discover → load (parse, follow
 * imports inside the repository, resolve types) → model → render. Problems are warnings with file
 * and line (strict fails on them); the files that parse are documented anyway.
 */
import path from 'node:path';
import {API_NAVBAR_GROUP} from '../core/apiNavbarGroup';
import {formatUserError, UserError} from '../core/errors';
import type {LinkEntry, SectionGenerator} from '../core/types';
import {discoverProtos} from './discoverProtos';
import type {ProtobufModel} from './model';

export const protobufGenerator: SectionGenerator<ProtobufModel> = {
  id: 'grpc',
  inputs: () => ({files: ['*.proto'], inventory: ['files']}),
  async extract(context) {
    const files = discoverProtos(context);
    if (files.length === 0) return undefined;
    // protobufjs loads only for a target with .proto files (docs/adr/0059).
    const [{loadProtos}, {extractModel}] = await Promise.all([import('./loadProtos'), import('./extractModel')]);
    const loaded = await loadProtos(context.root, files);
    const problems: string[] = [];
    for (const problem of loaded.problems) {
      context.report.warn(`invalid protobuf file: ${problem.message}`, {file: path.resolve(context.root, problem.file), line: problem.line, fix: problem.fix});
      // The page shows the same line with the path relative to the repository.
      problems.push(formatUserError(new UserError(problem.message, {file: problem.file, line: problem.line, fix: problem.fix})));
    }
    const model = extractModel(loaded, problems);
    const services = model.packages.reduce((n, pkg) => n + pkg.services.length, 0);
    const rpcs = model.packages.reduce((n, pkg) => n + pkg.services.reduce((m, s) => m + s.rpcs.length, 0), 0);
    const messages = model.packages.reduce((n, pkg) => n + pkg.messages.length, 0);
    return {
      id: 'grpc',
      title: services > 0 ? 'gRPC API' : 'Protobuf messages',
      description: `${services > 0 ? `gRPC reference: ${services} services, ${rpcs} RPCs` : 'Protocol Buffers reference'} and ${messages} messages in ${model.packages.length} packages, from ${files.length} .proto files.`,
      model,
      watch: files.map((file) => path.join(context.root, file)),
      navbarGroup: API_NAVBAR_GROUP,
    };
  },
  index({id, model}) {
    const entries: LinkEntry[] = [];
    for (const pkg of model.packages) {
      const page = `/${id}/${pkg.slug}/`;
      for (const file of pkg.files) entries.push({kind: 'file', key: file, url: page, title: pkg.name});
      for (const definition of [...pkg.messages, ...pkg.enums]) entries.push({kind: 'schema', key: `${id}/${definition.fullName}`, url: `${page}#${definition.name}`, title: definition.fullName});
      for (const service of pkg.services) {
        entries.push({kind: 'operation', key: `${id}/${service.fullName}`, url: `${page}#${service.name}`, title: service.fullName});
        for (const rpc of service.rpcs) entries.push({kind: 'operation', key: `${id}/${service.fullName}/${rpc.name}`, url: `${page}#${rpc.anchor}`, title: `${service.name}.${rpc.name}`});
      }
    }
    return entries;
  },
  async render({id, title, model}, site) {
    const {renderProtobuf} = await import('./renderProtobuf');
    return {files: renderProtobuf(id, title, model, site)};
  },
};
