/**
 * An AsyncAPI section's pages: an overview (servers, channels, operations, problems) and a page per
 * channel with its parameters, bindings, operations and messages, each message with its payload as a
 * property table, its headers, examples and bindings. Links go through the link index.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {code, emphasis, heading, headingWithId, inlineCode, link, list, paragraph, strong, table, text, type TableCellContent} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';
import {markdownBlocks, markdownInline} from '../core/markdown/markdownNodes';
import type {SiteView} from '../core/types';
import type {AsyncApiError, AsyncApiOk, BindingModel, ChannelModel, MessageModel, OperationModel, PropertyRow} from './model';

export function renderAsyncApi(id: string, model: AsyncApiOk, site: SiteView): Map<string, string> {
  const channelUrl = (channel: string) => site.urlOf('page', `${id}/channels/${channel}`);
  const operationUrl = (operation: string) => site.urlOf('operation', `${id}/${operation}`);
  const files = new Map<string, string>();
  files.set('index.mdx', overview(model, channelUrl, operationUrl));
  model.channels.forEach((channel, index) => {
    const operations = model.operations.filter((operation) => operation.channel === channel.id);
    files.set(`channels/${channel.slug}.mdx`, channelPage(channel, operations, index + 2));
  });
  return files;
}

export function renderAsyncApiError(model: AsyncApiError): Map<string, string> {
  const children: RootContent[] = [
    heading(1, model.title),
    paragraph('This AsyncAPI description could not be read, so its reference is not built. The build said:'),
    list(model.messages.map((message) => [inlineCode(message)])),
  ];
  return new Map([['index.mdx', writeMdx({frontMatter: {title: model.title, sidebar_label: 'Overview', slug: '/', custom_edit_url: null}, children})]]);
}

type UrlOf = (key: string) => string | undefined;

function overview(model: AsyncApiOk, channelUrl: UrlOf, operationUrl: UrlOf): string {
  const children: RootContent[] = [
    heading(1, model.title),
    paragraph(`Version ${model.apiVersion}, AsyncAPI ${model.asyncapi}, from `, inlineCode(model.file), '.'),
    ...markdownBlocks(model.description),
  ];
  if (model.defaultContentType) children.push(paragraph('Messages are ', inlineCode(model.defaultContentType), ' unless they say otherwise.'));
  if (model.servers.length > 0) {
    children.push(
      heading(2, 'Servers'),
      table(
        ['Server', 'URL', 'Protocol', 'Description'],
        model.servers.map((server) => [inlineCode(server.name), inlineCode(server.url), [server.protocol, server.protocolVersion ? ` ${server.protocolVersion}` : ''].join(''), markdownInline(server.description)]),
      ),
    );
    for (const server of model.servers.filter((s) => s.bindings.length > 0)) children.push(paragraph('Bindings of ', inlineCode(server.name), ':'), ...bindingBlocks(server.bindings));
  }
  children.push(
    heading(2, 'Channels'),
    model.channels.length === 0
      ? paragraph(emphasis('No channels.'))
      : table(
          ['Channel', 'Address', 'Messages', 'Summary'],
          model.channels.map((channel) => [linked(channelUrl(channel.id), channel.id), channel.address ? inlineCode(channel.address) : '', String(channel.messages.length), markdownInline(channel.summary ?? channel.description?.split('\n')[0])]),
        ),
  );
  if (model.operations.length > 0) {
    children.push(
      heading(2, 'Operations'),
      table(
        ['Operation', 'Action', 'Channel', 'Summary'],
        model.operations.map((operation) => [linked(operationUrl(operation.id), operation.id), operation.action, linked(channelUrl(operation.channel), operation.channel), markdownInline(operation.summary ?? operation.title)]),
      ),
    );
  }
  if (model.problems.length > 0) children.push(heading(2, 'Problems'), paragraph('The parser found these problems; the reference is built anyway.'), list(model.problems.map((problem) => [inlineCode(problem)])));
  return writeMdx({frontMatter: {title: model.title, sidebar_label: 'Overview', sidebar_position: 1, slug: '/', description: `${model.title} ${model.apiVersion}: event-driven API reference.`, custom_edit_url: null}, children});
}

function channelPage(channel: ChannelModel, operations: OperationModel[], position: number): string {
  const children: RootContent[] = [heading(1, channel.title ?? channel.id)];
  const facts: PhrasingContent[] = [text('Channel '), inlineCode(channel.id)];
  if (channel.address) facts.push(text(', address '), inlineCode(channel.address));
  if (channel.servers.length > 0) facts.push(text(', on '), ...joined(channel.servers.map((server) => inlineCode(server))));
  children.push(paragraph(...facts, text('.')));
  if (channel.summary) children.push(paragraph(...markdownInline(channel.summary)));
  children.push(...markdownBlocks(channel.description));
  if (channel.parameters.length > 0) {
    children.push(
      heading(2, 'Parameters'),
      table(
        ['Parameter', 'Values', 'Default', 'Description'],
        channel.parameters.map((parameter) => [inlineCode(parameter.name), joined((parameter.values ?? []).map((value) => inlineCode(value))), parameter.default ? inlineCode(parameter.default) : '', markdownInline(parameter.description)]),
      ),
    );
  }
  if (channel.bindings.length > 0) children.push(heading(2, 'Bindings'), ...bindingBlocks(channel.bindings));
  if (operations.length > 0) {
    children.push(heading(2, 'Operations'));
    for (const operation of operations) children.push(...operationBlocks(operation));
  }
  if (channel.messages.length > 0) {
    children.push(heading(2, 'Messages'));
    for (const message of channel.messages) children.push(...messageBlocks(message));
  }
  return writeMdx({
    frontMatter: {
      title: channel.title ?? channel.id,
      sidebar_label: channel.id,
      sidebar_position: position,
      slug: `/channels/${channel.slug}`,
      description: `Channel ${channel.id}: ${operations.length} operations, ${channel.messages.length} messages.`,
      custom_edit_url: null,
    },
    children,
  });
}

function operationBlocks(operation: OperationModel): RootContent[] {
  const blocks: RootContent[] = [headingWithId(3, operation.anchor, operation.id)];
  const facts: PhrasingContent[] = [strong(operation.action)];
  if (operation.messages.length > 0) facts.push(text(': '), ...joined(operation.messages.map((message) => link(`#${message.anchor}`, inlineCode(message.name)))));
  facts.push(text('.'));
  if (operation.deprecated) facts.push(text(' '), strong('Deprecated.'));
  blocks.push(paragraph(...facts));
  if (operation.summary) blocks.push(paragraph(...markdownInline(operation.summary)));
  blocks.push(...markdownBlocks(operation.description));
  if (operation.bindings.length > 0) blocks.push(...bindingBlocks(operation.bindings));
  return blocks;
}

function messageBlocks(message: MessageModel): RootContent[] {
  const blocks: RootContent[] = [headingWithId(3, message.anchor, message.title ?? message.name)];
  const facts: PhrasingContent[] = [text('Message '), inlineCode(message.name)];
  if (message.contentType) facts.push(text(', '), inlineCode(message.contentType));
  if (message.payloadSchema) facts.push(text(', payload schema '), inlineCode(message.payloadSchema));
  facts.push(text('.'));
  if (message.deprecated) facts.push(text(' '), strong('Deprecated.'));
  blocks.push(paragraph(...facts));
  if (message.summary) blocks.push(paragraph(...markdownInline(message.summary)));
  blocks.push(...markdownBlocks(message.description));
  if (message.payload.length > 0) blocks.push(paragraph(strong('Payload')), propertyTable(message.payload));
  if (message.headers.length > 0) blocks.push(paragraph(strong('Headers')), propertyTable(message.headers));
  message.examples.forEach((example, index) => {
    blocks.push(paragraph(strong(`Example${message.examples.length > 1 ? ` ${index + 1}` : ''}`), ...(example.name ? [text(': '), inlineCode(example.name)] : []), ...(example.summary ? [text(' '), ...markdownInline(example.summary)] : [])));
    blocks.push(code(example.json, 'json'));
  });
  if (message.bindings.length > 0) blocks.push(...bindingBlocks(message.bindings));
  return blocks;
}

function propertyTable(rows: PropertyRow[]) {
  return table(
    ['Property', 'Type', 'Required', 'Description'],
    rows.map((row): TableCellContent[] => [
      inlineCode(row.path),
      row.type ? inlineCode(row.type) : '',
      row.required ? 'yes' : '',
      [...markdownInline(row.description), ...(row.facts.length > 0 ? [text(row.description ? ' ' : ''), ...joined(row.facts.map((fact) => inlineCode(fact)))] : [])],
    ]),
  );
}

function bindingBlocks(bindings: BindingModel[]): RootContent[] {
  return bindings.flatMap((binding) => [paragraph(strong(`${binding.protocol} binding`)), code(binding.yaml, 'yaml')]);
}

function linked(url: string | undefined, label: string): PhrasingContent {
  return url ? link(url, inlineCode(label)) : inlineCode(label);
}

function joined(items: PhrasingContent[]): PhrasingContent[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [text(', '), item]));
}
