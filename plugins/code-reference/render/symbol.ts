/**
 * One symbol's section of its home page: heading with a stable anchor, badges, signatures, the doc
 * comment (summary, remarks, parameters, returns, throws, examples, since, see), source link, and
 * for classes, interfaces and enums their members.
 */
import type {BlockContent, RootContent} from 'mdast';
import {code, headingWithId, inlineCode, jsxFlow, link, list, paragraph, strong, table, text} from '../../core/mdx/build';
import type {SymbolIndex} from '../links';
import type {DocModel, MemberModel, SignatureModel, SymbolModel, TypeParameterModel} from '../model';
import {docBlocks, docPhrasing} from './docText';
import {declarationParts, functionParts, memberParts, typePhrasing, type SignaturePart} from './signature';

const KIND_LABEL: Record<SymbolModel['kind'], string> = {
  class: 'Class',
  function: 'Function',
  interface: 'Interface',
  type: 'Type alias',
  enum: 'Enum',
  variable: 'Variable',
  namespace: 'Namespace',
};

function signatureBlock(parts: SignaturePart[]): RootContent {
  return jsxFlow('ApiSignature', {code: parts});
}

function badges(doc: DocModel | undefined, index: SymbolIndex, extra: string[] = []): RootContent[] {
  const out: RootContent[] = [];
  if (doc?.deprecated) {
    const message = doc.deprecated === true ? [] : docPhrasing(doc.deprecated, doc.links, index);
    out.push(jsxFlow('ApiDeprecated', {}, [paragraph(strong('Deprecated'), ...(message.length ? [text(': '), ...message] : []))]));
  }
  const labels = [...extra, ...(doc?.since ? [`Since ${doc.since}`] : [])];
  if (labels.length > 0) out.push(jsxFlow('ApiBadges', {labels}));
  return out;
}

function docBody(doc: DocModel | undefined, index: SymbolIndex): RootContent[] {
  if (!doc) return [];
  const out: RootContent[] = [...docBlocks(doc.summary, doc.links, index)];
  if (doc.remarks) out.push(paragraph(strong('Remarks')), ...docBlocks(doc.remarks, doc.links, index));
  return out;
}

/** A list item from a tag's text: blocks, since a tag may run on into paragraphs and examples. */
function blockItem(entry: string, doc: DocModel, index: SymbolIndex): BlockContent[] {
  const blocks = docBlocks(entry, doc.links, index);
  return blocks.length > 0 ? blocks : [paragraph('')];
}

function docTail(doc: DocModel | undefined, index: SymbolIndex): RootContent[] {
  if (!doc) return [];
  const out: RootContent[] = [];
  if (doc.throws?.length) {
    out.push(paragraph(strong('Throws')), list(doc.throws.map((entry) => blockItem(entry, doc, index))));
  }
  if (doc.defaultValue) out.push(paragraph(strong('Default'), text(' '), inlineCode(doc.defaultValue)));
  for (const example of doc.examples ?? []) {
    out.push(paragraph(strong('Example'), ...(example.caption ? [text(': '), ...docPhrasing(example.caption, doc.links, index)] : [])));
    out.push(code(example.code, example.lang));
  }
  if (doc.see?.length) out.push(paragraph(strong('See also')), list(doc.see.map((entry) => blockItem(entry, doc, index))));
  return out;
}

function typeParameterTable(params: TypeParameterModel[] | undefined, index: SymbolIndex): RootContent[] {
  if (!params?.length || !params.some((param) => param.constraint || param.default || param.doc)) return [];
  return [
    paragraph(strong('Type parameters')),
    table(
      ['Name', 'Constraint', 'Default', 'Description'],
      params.map((param) => [inlineCode(param.name), (typePhrasing(param.constraint, index)), (typePhrasing(param.default, index)), (docPhrasing(param.doc, undefined, index))]),
    ),
  ];
}

function signatureDetails(signature: SignatureModel, doc: DocModel | undefined, index: SymbolIndex): RootContent[] {
  const out: RootContent[] = [];
  const sigDoc = signature.doc ?? doc;
  if (signature.doc) out.push(...docBody(signature.doc, index));
  out.push(...typeParameterTable(signature.typeParameters, index));
  if (signature.parameters.length > 0) {
    out.push(
      paragraph(strong('Parameters')),
      table(
        ['Name', 'Type', 'Optional', 'Default', 'Description'],
        signature.parameters.map((param) => [
          inlineCode(`${param.rest ? '...' : ''}${param.name}`),
          (typePhrasing(param.type, index)),
          param.optional ? 'yes' : 'no',
          param.defaultValue ? inlineCode(param.defaultValue) : '',
          (docPhrasing(param.doc, sigDoc?.links, index)),
        ]),
      ),
    );
  }
  if (signature.returns || sigDoc?.returns) {
    out.push(paragraph(strong('Returns'), text(' '), ...typePhrasing(signature.returns, index), ...(sigDoc?.returns ? [text(signature.returns ? ': ' : ''), ...docPhrasing(sigDoc.returns, sigDoc.links, index)] : [])));
  }
  if (signature.doc) out.push(...docTail(signature.doc, index));
  return out;
}

/** `Source: file:line`, and beside it the class's entity in an ER diagram when the site draws one. */
export function sourceLink(url: string | undefined, file: string, line: number, entityUrl?: string): RootContent[] {
  const label = `${file}:${line}`;
  return [paragraph(text('Source: '), url ? link(url, inlineCode(label)) : inlineCode(label), ...(entityUrl ? [text(' · '), link(entityUrl, 'ER diagram')] : []))];
}

function memberSection(owner: SymbolModel, member: MemberModel, index: SymbolIndex): RootContent[] {
  const out: RootContent[] = [headingWithId(4, member.anchor, `${member.static ? 'static ' : ''}${member.name}`)];
  const labels = [member.kind === 'accessor' ? 'accessor' : member.kind, ...(member.visibility === 'protected' ? ['protected'] : []), ...(member.abstract ? ['abstract'] : []), ...(member.decorators ?? [])];
  out.push(...badges(member.doc, index, labels));
  for (const parts of memberParts(owner, member, index)) out.push(signatureBlock(parts));
  out.push(...docBody(member.doc, index));
  const signatures = member.signatures ?? [];
  for (const signature of signatures) out.push(...signatureDetails(signature, member.doc, index));
  out.push(...docTail(member.doc, index));
  return out;
}

/**
 * A symbol's section in two parts, around its source link: everything above it, and its members.
 * Neither shows a line number, so neither changes when lines above the symbol move (see renderSection).
 */
export function symbolSection(symbol: SymbolModel, index: SymbolIndex): {head: RootContent[]; members: RootContent[]} {
  const out: RootContent[] = [headingWithId(3, symbol.anchor, symbol.name)];
  const kinds = symbol.kinds.map((kind) => KIND_LABEL[kind]);
  out.push(...badges(symbol.doc, index, [...kinds, ...(symbol.abstract ? ['abstract'] : []), ...(symbol.decorators ?? [])]));
  if (symbol.kind !== 'function') {
    const parts = declarationParts(symbol, index);
    if (parts.length > 0) out.push(signatureBlock(parts));
  }
  const signatures = symbol.kind === 'function' ? (symbol.signatures ?? []) : [];
  for (const signature of signatures) out.push(signatureBlock(functionParts(symbol, signature, index)));
  out.push(...docBody(symbol.doc, index));
  if (symbol.namespace && symbol.namespace !== symbol.home) {
    out.push(paragraph(text('Members: '), link(index.containerUrl(symbol.namespace), inlineCode(index.container(symbol.namespace)?.name ?? symbol.name))));
  }
  out.push(...typeParameterTable(symbol.typeParameters, index));
  for (const signature of signatures) out.push(...signatureDetails(signature, symbol.doc, index));
  out.push(...docTail(symbol.doc, index));
  const members: RootContent[] = [];
  const list = symbol.members ?? [];
  if (symbol.kind === 'enum' && list.length > 0) {
    members.push(
      paragraph(strong('Members')),
      table(['Name', 'Value', 'Description'], list.map((member) => [inlineCode(member.name), member.value ? inlineCode(member.value) : '', docPhrasing(member.doc?.summary, member.doc?.links, index)])),
    );
  } else {
    for (const member of list) members.push(...memberSection(symbol, member, index));
  }
  return {head: out, members};
}
