/**
 * The gRPC reference's pages: an overview (packages, files, imports, problems) and one page per
 * package with its services (each RPC with linked request and response types, streaming marked, and
 * a grpcurl call), messages (fields with number, type, label) and enums. Types link through the link
 * index, so a type of another package, or of a later section, lands on its anchor.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {code, emphasis, heading, headingWithId, inlineCode, link, list, paragraph, strong, table, text, type TableCellContent} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {markdownBlocks, markdownInline} from '../core/markdown/markdownNodes';
import type {SiteView} from '../core/types';
import type {EnumModel, MessageModel, ProtobufModel, ProtoPackageModel, RpcModel, ServiceModel, TypeRef} from './model';

/** protobuf.dev documents each well-known type under an anchor of its lower-cased name. */
const WELL_KNOWN_DOCS = 'https://protobuf.dev/reference/protobuf/google.protobuf/';

export interface ProtoLinks {
  /** The page of a message or enum by full name (through the link index). */
  type(fullName: string): string | undefined;
  /** A file in the repository's web view, when the target has one. */
  source(file: string, line?: number): string | undefined;
}

export function renderProtobuf(id: string, title: string, model: ProtobufModel, site: SiteView): Map<string, string> {
  const links: ProtoLinks = {
    type: (fullName) => site.urlOf('schema', `${id}/${fullName}`),
    source: (file, line) => site.repo.fileUrl?.(file, line),
  };
  const files = new Map<string, string>();
  files.set('index.mdx', renderOverview(title, model, site, id));
  model.packages.forEach((pkg, index) => files.set(`${pkg.slug}.mdx`, renderPackage(pkg, links, index + 2)));
  return files;
}

function renderOverview(title: string, model: ProtobufModel, site: SiteView, id: string): string {
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const services = model.packages.flatMap((pkg) => pkg.services);
  const children: RootContent[] = [
    heading(1, title),
    paragraph(
      [
        count(model.packages.length, 'package'),
        count(services.length, 'service'),
        count(services.reduce((n, s) => n + s.rpcs.length, 0), 'RPC'),
        count(model.packages.reduce((n, p) => n + p.messages.length, 0), 'message'),
        count(model.packages.reduce((n, p) => n + p.enums.length, 0), 'enum'),
      ].join(', ') + `, from ${count(model.files.length, '.proto file')}.`,
    ),
    heading(2, 'Packages'),
    table(
      ['Package', 'Services', 'Messages', 'Enums', 'Files'],
      model.packages.map((pkg) => [
        link(`/${id}/${pkg.slug}/`, inlineCode(pkg.name || '(no package)')),
        String(pkg.services.length),
        String(pkg.messages.length),
        String(pkg.enums.length),
        String(pkg.files.length),
      ]),
    ),
    heading(2, 'Files'),
    table(
      ['File', 'Package', 'Syntax', 'Imports'],
      model.files.map((file) => [
        inlineCode(file.file),
        file.parsed ? inlineCode(file.package || '(none)') : emphasis('not parsed'),
        file.syntax,
        file.imports.length === 0 ? '' : joined(file.imports.map((imp) => inlineCode(imp.path + (imp.wellKnown ? ' (well-known)' : imp.file ? '' : ' (not found)')))),
      ]),
    ),
  ];
  if (model.problems.length > 0) {
    children.push(heading(2, 'Problems'), paragraph('These files have problems; everything else is documented.'), list(model.problems.map((problem) => [inlineCode(problem)])));
  }
  return writeMdx({frontMatter: {title, sidebar_label: 'Overview', sidebar_position: 1, slug: '/', custom_edit_url: null}, children});
}

function renderPackage(pkg: ProtoPackageModel, links: ProtoLinks, position: number): string {
  const label = pkg.name || '(no package)';
  const children: RootContent[] = [heading(1, label), paragraph('From ', ...joined(pkg.files.map((file) => sourceLink(file, undefined, links))), '.')];
  if (pkg.services.length > 0) {
    children.push(heading(2, 'Services'));
    for (const service of pkg.services) children.push(...serviceBlocks(service, links));
  }
  if (pkg.messages.length > 0) {
    children.push(heading(2, 'Messages'));
    for (const message of pkg.messages) children.push(...messageBlocks(message, links));
  }
  if (pkg.enums.length > 0) {
    children.push(heading(2, 'Enums'));
    for (const e of pkg.enums) children.push(...enumBlocks(e, links));
  }
  return writeMdx({
    frontMatter: {
      title: label,
      sidebar_label: label,
      sidebar_position: position,
      slug: `/${pkg.slug}`,
      description: `Package ${label}: ${pkg.services.length} services, ${pkg.messages.length} messages, ${pkg.enums.length} enums.`,
      custom_edit_url: null,
    },
    children,
  });
}

function definitionHeader(kind: string, definition: ServiceModel | MessageModel | EnumModel, links: ProtoLinks): RootContent[] {
  const blocks: RootContent[] = [headingWithId(3, definition.name, definition.name)];
  const facts: PhrasingContent[] = [text(`${kind} `), inlineCode(definition.fullName), text(' in '), sourceLink(definition.file, definition.line, links)];
  if (definition.deprecated) facts.push(text('. '), strong('Deprecated.'));
  blocks.push(paragraph(...facts));
  blocks.push(...markdownBlocks(definition.description));
  if (definition.options.length > 0) blocks.push(paragraph('Options: ', ...joined(definition.options.map((option) => inlineCode(option)))));
  return blocks;
}

function serviceBlocks(service: ServiceModel, links: ProtoLinks): RootContent[] {
  const blocks = definitionHeader('Service', service, links);
  for (const rpc of service.rpcs) blocks.push(...rpcBlocks(rpc, links));
  return blocks;
}

function rpcBlocks(rpc: RpcModel, links: ProtoLinks): RootContent[] {
  const signature: PhrasingContent[] = [
    inlineCode(`rpc ${rpc.name}`),
    text(' ('),
    ...(rpc.clientStreaming ? [strong('stream'), text(' ')] : []),
    typeLink(rpc.request, links),
    text(') returns ('),
    ...(rpc.serverStreaming ? [strong('stream'), text(' ')] : []),
    typeLink(rpc.response, links),
    text(')'),
  ];
  const streaming = rpc.clientStreaming && rpc.serverStreaming ? 'bidirectional streaming' : rpc.clientStreaming ? 'client streaming' : rpc.serverStreaming ? 'server streaming' : 'unary';
  const blocks: RootContent[] = [headingWithId(4, rpc.anchor, rpc.anchor), paragraph(...signature, text(`, ${streaming}.`), ...(rpc.deprecated ? [text(' '), strong('Deprecated.')] : []))];
  blocks.push(...markdownBlocks(rpc.description));
  if (rpc.options.length > 0) blocks.push(paragraph('Options: ', ...joined(rpc.options.map((option) => inlineCode(option)))));
  blocks.push(code(rpc.grpcurl, 'bash'));
  return blocks;
}

function messageBlocks(message: MessageModel, links: ProtoLinks): RootContent[] {
  const blocks = definitionHeader('Message', message, links);
  if (message.fields.length === 0) {
    blocks.push(paragraph(emphasis('No fields.')));
    return blocks;
  }
  const oneofOf = new Map(message.oneofs.flatMap((oneof) => oneof.fields.map((name) => [name, oneof.name] as const)));
  blocks.push(
    table(
      ['Field', 'Number', 'Type', 'Label', 'Description'],
      message.fields.map((f): TableCellContent[] => {
        const notes: PhrasingContent[] = [];
        if (f.deprecated) notes.push(strong('Deprecated.'), text(' '));
        if (oneofOf.has(f.name)) notes.push(text('One of '), inlineCode(oneofOf.get(f.name)!), text('. '));
        notes.push(...markdownInline(f.description));
        if (f.options.length > 0) notes.push(text(' '), ...joined(f.options.map((option) => inlineCode(option))));
        return [inlineCode(f.name), String(f.number), typeLink(f.type, links), f.label, notes];
      }),
    ),
  );
  return blocks;
}

function enumBlocks(e: EnumModel, links: ProtoLinks): RootContent[] {
  const blocks = definitionHeader('Enum', e, links);
  blocks.push(
    table(
      ['Value', 'Number', 'Description'],
      e.values.map((value): TableCellContent[] => [inlineCode(value.name), String(value.number), [...(value.deprecated ? [strong('Deprecated.'), text(' ')] : []), ...markdownInline(value.description)]]),
    ),
  );
  return blocks;
}

function typeLink(type: TypeRef, links: ProtoLinks): PhrasingContent {
  const url = type.fullName ? links.type(type.fullName) : type.wellKnown ? `${WELL_KNOWN_DOCS}#${type.name.split('.').pop()!.toLowerCase()}` : undefined;
  return url ? link(url, inlineCode(type.name)) : inlineCode(type.name);
}

function sourceLink(file: string, line: number | undefined, links: ProtoLinks): PhrasingContent {
  const label = inlineCode(line ? `${file}:${line}` : file);
  const url = links.source(file, line);
  return url ? link(url, label) : label;
}

function joined(items: PhrasingContent[]): PhrasingContent[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [text(', '), item]));
}
