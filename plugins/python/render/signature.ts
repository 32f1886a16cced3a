/**
 * Python signatures as Python writes them: `async def fetch(url: str, /, *, timeout: float = 10) -> Response`,
 * `class User(Base)`, `name: str = "x"`. Called by the code reference's signature module for symbols
 * whose `language` is `python`; it fills the same writer, so linked type names work the same way.
 */
import type {MemberModel, ParameterModel, SignatureModel, SymbolModel} from '../../code-reference/model';
import type {SignaturePart, SignatureWriter} from '../../code-reference/render/signature';

/** Parameters go on their own lines past this width (as the TypeScript signatures do). */
const WIDTH = 90;

function parameters(w: SignatureWriter, params: ParameterModel[]): SignatureWriter {
  const items: ((w: SignatureWriter) => void)[] = [];
  let width = 0;
  params.forEach((param, i) => {
    const previous = params[i - 1];
    if (param.kind === 'keyword-only' && previous?.kind !== 'keyword-only' && !params.some((other) => other.name.startsWith('*') && !other.name.startsWith('**'))) {
      items.push((out) => out.text('*'));
    }
    items.push((out) => {
      out.text(param.name);
      if (param.type) out.text(': ').type(param.type);
      if (param.defaultValue !== undefined) out.text(param.type ? ' = ' : '=').text(param.defaultValue);
    });
    width += param.name.length + (param.defaultValue?.length ?? 0) + (param.type ?? []).reduce((sum, part) => sum + (typeof part === 'string' ? part.length : part.name.length), 0) + 4;
    if (param.kind === 'positional-only' && params[i + 1]?.kind !== 'positional-only') items.push((out) => out.text('/'));
  });
  if (width <= WIDTH) {
    w.text('(');
    items.forEach((item, i) => {
      if (i > 0) w.text(', ');
      item(w);
    });
    return w.text(')');
  }
  w.text('(\n');
  for (const item of items) {
    w.text('    ');
    item(w);
    w.text(',\n');
  }
  return w.text(')');
}

function def(w: SignatureWriter, prefix: string, signature: SignatureModel): SignaturePart[] {
  w.text(prefix);
  parameters(w, signature.parameters);
  if (signature.returns) w.text(' -> ').type(signature.returns);
  return w.done();
}

export function pythonFunctionParts(symbol: SymbolModel, signature: SignatureModel, w: SignatureWriter): SignaturePart[] {
  return def(w, `${symbol.async ? 'async ' : ''}def ${symbol.name}`, signature);
}

export function pythonDeclarationParts(symbol: SymbolModel, w: SignatureWriter): SignaturePart[] {
  switch (symbol.kind) {
    case 'class':
    case 'enum':
      w.text(`class ${symbol.name}`);
      if (symbol.extends?.length) {
        w.text('(');
        symbol.extends.forEach((base, i) => w.text(i > 0 ? ', ' : '').type(base));
        w.text(')');
      }
      break;
    case 'type':
      w.text(`type ${symbol.name} = `).type(symbol.type);
      break;
    case 'variable':
      w.text(symbol.name);
      if (symbol.type) w.text(': ').type(symbol.type);
      if (symbol.value) w.text(` = ${symbol.value}`);
      break;
    default:
      break;
  }
  return w.done();
}

export function pythonMemberParts(owner: SymbolModel, member: MemberModel, w: () => SignatureWriter): SignaturePart[][] {
  const sigs = member.signatures ?? [];
  switch (member.kind) {
    case 'constructor':
      return sigs.map((sig) => def(w(), owner.name, sig));
    case 'method':
      return sigs.map((sig) => def(w(), `${member.async ? 'async ' : ''}def ${member.name}`, sig));
    case 'accessor': {
      const out = w().text(`property ${member.name}`);
      if (member.type) out.text(': ').type(member.type);
      return [out.done()];
    }
    case 'enum-member':
      return [w().text(`${member.name}${member.value ? ` = ${member.value}` : ''}`).done()];
    default: {
      const out = w().text(member.static ? `${member.name}` : member.name);
      if (member.type) out.text(': ').type(member.static ? ['ClassVar[', ...member.type, ']'] : member.type);
      if (member.value) out.text(` = ${member.value}`);
      return [out.done()];
    }
  }
}
