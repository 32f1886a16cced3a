/**
 * Signatures as the reader sees them: `name<T extends X>(a: A, b?: B): R`, with every type name that is
 * one of ours linked. The result is data for the theme's `ApiSignature` component (plain strings and
 * `{text, href}` parts, passed as a JSON prop, so any character is safe), or phrasing for a table cell.
 */
import type {PhrasingContent} from 'mdast';
import {inlineCode, link} from '../../core/mdx/build';
import type {SymbolIndex} from '../links';
import type {MemberModel, ParameterModel, SignatureModel, SymbolModel, TypeParameterModel, TypeText} from '../model';
import {pythonDeclarationParts, pythonFunctionParts, pythonMemberParts} from '../../python/render/signature';

export type SignaturePart = string | {text: string; href: string};

/** Parameters go on their own lines past this width. */
const WIDTH = 90;

export class SignatureWriter {
  private parts: SignaturePart[] = [];

  constructor(private readonly index: SymbolIndex) {}

  text(value: string): this {
    const last = this.parts.length - 1;
    if (last >= 0 && typeof this.parts[last] === 'string') this.parts[last] = (this.parts[last] as string) + value;
    else if (value) this.parts.push(value);
    return this;
  }

  type(type: TypeText | undefined): this {
    const long = textLength(type) > OBJECT_WIDTH && (type ?? []).some((part) => typeof part === 'string' && part.includes('{ '));
    for (const part of long ? breakObjects(type!, this.indent()) : (type ?? [])) {
      if (typeof part === 'string') this.text(part);
      else {
        const href = part.id ? this.index.symbolUrl(part.id) : undefined;
        if (href) this.parts.push({text: part.name, href});
        else this.text(part.name);
      }
    }
    return this;
  }

  typeParameters(params: TypeParameterModel[] | undefined): this {
    if (!params?.length) return this;
    this.text('<');
    params.forEach((param, i) => {
      if (i > 0) this.text(', ');
      this.text(param.name);
      if (param.constraint) this.text(' extends ').type(param.constraint);
      if (param.default) this.text(' = ').type(param.default);
    });
    return this.text('>');
  }

  parameters(params: ParameterModel[]): this {
    const one = (param: ParameterModel) => {
      this.text(`${param.rest ? '...' : ''}${param.name}${param.optional && !param.rest ? '?' : ''}`);
      if (param.type) this.text(': ').type(param.type);
    };
    const width = params.reduce((sum, param) => sum + param.name.length + textLength(param.type) + 4, 0);
    if (width <= WIDTH) {
      this.text('(');
      params.forEach((param, i) => {
        if (i > 0) this.text(', ');
        one(param);
      });
      return this.text(')');
    }
    this.text('(\n');
    params.forEach((param, i) => {
      this.text('  ');
      one(param);
      this.text(i < params.length - 1 ? ',\n' : '\n');
    });
    return this.text(')');
  }

  signature(prefix: string, signature: SignatureModel, returnSeparator = ': '): this {
    this.text(prefix).typeParameters(signature.typeParameters).parameters(signature.parameters);
    if (signature.returns) this.text(returnSeparator).type(signature.returns);
    return this;
  }

  /** The indentation of the line being written. */
  private indent(): string {
    const last = this.parts.at(-1);
    if (typeof last !== 'string') return '';
    const line = last.slice(last.lastIndexOf('\n') + 1);
    return /^ */.exec(line)![0];
  }

  done(): SignaturePart[] {
    const parts = this.parts;
    this.parts = [];
    return parts;
  }
}

/** An inline object type in a type longer than this is written one member a line, as TypeDoc does. */
const OBJECT_WIDTH = 60;

/**
 * `{ a: A; b: B }` → `{\n  a: A;\n  b: B;\n}` at every depth, from the type's text: members are
 * separated by `;` or `,` where the innermost open bracket is the object's brace. String literals
 * are skipped; `=>` is not a closing bracket. Names (links) pass through as they are.
 */
function breakObjects(type: TypeText, indent: string): TypeText {
  const out: TypeText = [];
  const stack: string[] = [];
  let quote: string | undefined;
  const pad = () => `\n${indent}${'  '.repeat(stack.filter((open) => open === '{').length)}`;
  for (const part of type) {
    if (typeof part !== 'string') {
      out.push(part);
      continue;
    }
    let text = '';
    for (let i = 0; i < part.length; i++) {
      const char = part[i]!;
      if (quote) {
        text += char;
        if (char === '\\') text += part[++i] ?? '';
        else if (char === quote) quote = undefined;
        continue;
      }
      if (char === '"' || char === "'" || char === '`') {
        quote = char;
        text += char;
      } else if (char === '{' && part[i + 1] === ' ') {
        stack.push('{');
        text += `{${pad()}`;
        i++;
      } else if (char === '}' && stack.at(-1) === '{') {
        stack.pop();
        text = text.replace(/\s+$/, '');
        // What was written last may be a name (a link part) ending the member.
        const before = text || (typeof out.at(-1) === 'string' ? (out.at(-1) as string).trimEnd() : 'name');
        if (!/[;{]$/.test(before)) text += ';';
        text += `${pad()}}`;
      } else if ((char === ';' || char === ',') && stack.at(-1) === '{') {
        text += `;${pad()}`;
        if (part[i + 1] === ' ') i++;
      } else {
        if (char === '(' || char === '[' || char === '<') stack.push(char);
        else if ((char === ')' || char === ']' || (char === '>' && part[i - 1] !== '=')) && stack.length > 0 && stack.at(-1) !== '{') stack.pop();
        text += char;
      }
    }
    if (text) out.push(text);
  }
  return out;
}

function textLength(type: TypeText | undefined): number {
  return (type ?? []).reduce((sum, part) => sum + (typeof part === 'string' ? part.length : part.name.length), 0);
}

/** The declaration line of a symbol that has no call signatures: class, interface, type, enum, variable, namespace. */
export function declarationParts(symbol: SymbolModel, index: SymbolIndex): SignaturePart[] {
  if (symbol.language === 'python') return pythonDeclarationParts(symbol, new SignatureWriter(index));
  const w = new SignatureWriter(index);
  switch (symbol.kind) {
    case 'class':
      w.text(`${symbol.abstract ? 'abstract ' : ''}class ${symbol.name}`).typeParameters(symbol.typeParameters);
      symbol.extends?.forEach((type) => w.text(' extends ').type(type));
      symbol.implements?.forEach((type, i) => w.text(i === 0 ? ' implements ' : ', ').type(type));
      break;
    case 'interface':
      w.text(`interface ${symbol.name}`).typeParameters(symbol.typeParameters);
      symbol.extends?.forEach((type, i) => w.text(i === 0 ? ' extends ' : ', ').type(type));
      break;
    case 'type':
      w.text(`type ${symbol.name}`).typeParameters(symbol.typeParameters).text(' = ').type(symbol.type);
      break;
    case 'enum':
      w.text(`enum ${symbol.name}`);
      break;
    case 'variable':
      w.text(`${symbol.declaration ?? 'const'} ${symbol.name}`);
      // A value is kept only when the code declares no type, so both means the type was inferred:
      // show it and the value, as TypeDoc does (`const client: Client = create()`).
      if (symbol.type) w.text(': ').type(symbol.type);
      if (symbol.value) w.text(` = ${symbol.value}`);
      break;
    case 'namespace':
      w.text(`namespace ${symbol.name}`);
      break;
    case 'function':
      break;
  }
  return w.done();
}

export function functionParts(symbol: SymbolModel, signature: SignatureModel, index: SymbolIndex): SignaturePart[] {
  if (symbol.language === 'python') return pythonFunctionParts(symbol, signature, new SignatureWriter(index));
  return new SignatureWriter(index).signature(`function ${symbol.name}`, signature).done();
}

export function memberParts(owner: SymbolModel, member: MemberModel, index: SymbolIndex): SignaturePart[][] {
  if (owner.language === 'python') return pythonMemberParts(owner, member, () => new SignatureWriter(index));
  const modifiers = [
    member.visibility === 'protected' ? 'protected ' : '',
    member.static ? 'static ' : '',
    member.abstract ? 'abstract ' : '',
    member.readonly ? 'readonly ' : '',
  ].join('');
  const optional = member.optional ? '?' : '';
  const sigs = member.signatures ?? [];
  switch (member.kind) {
    case 'constructor':
      return sigs.map((sig) => new SignatureWriter(index).signature(`${modifiers}new ${owner.name}`, sig).done());
    case 'method':
      return sigs.map((sig) => new SignatureWriter(index).signature(`${modifiers}${member.name}${optional}`, sig).done());
    case 'call':
      return sigs.map((sig) => new SignatureWriter(index).signature('', sig).done());
    case 'construct':
      return sigs.map((sig) => new SignatureWriter(index).signature('new ', sig).done());
    case 'index':
      return sigs.map((sig) => {
        const w = new SignatureWriter(index).text(`${modifiers}[`);
        sig.parameters.forEach((param) => w.text(`${param.name}: `).type(param.type));
        return w.text(']: ').type(sig.returns).done();
      });
    case 'accessor': {
      const out: SignaturePart[][] = [];
      if (member.accessor?.get) out.push(new SignatureWriter(index).text(`${modifiers}get ${member.name}(): `).type(member.type).done());
      if (member.accessor?.set) out.push(new SignatureWriter(index).text(`${modifiers}set ${member.name}(value: `).type(member.type).text(')').done());
      return out;
    }
    case 'enum-member':
      return [new SignatureWriter(index).text(`${member.name}${member.value ? ` = ${member.value}` : ''}`).done()];
    default: {
      const w = new SignatureWriter(index).text(`${modifiers}${member.name}${optional}`);
      if (member.type) w.text(': ').type(member.type);
      else if (member.value) w.text(` = ${member.value}`);
      return [w.done()];
    }
  }
}

/** A type for a table cell: code spans, with linked names as links around code. */
export function typePhrasing(type: TypeText | undefined, index: SymbolIndex): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let pending = '';
  const flush = () => {
    if (pending) out.push(inlineCode(pending));
    pending = '';
  };
  for (const part of type ?? []) {
    if (typeof part === 'string') {
      pending += part;
      continue;
    }
    const href = part.id ? index.symbolUrl(part.id) : undefined;
    if (!href) {
      pending += part.name;
      continue;
    }
    flush();
    out.push(link(href, inlineCode(part.name)));
  }
  flush();
  return out;
}
