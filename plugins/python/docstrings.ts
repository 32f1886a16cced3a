/**
 * Docstrings in the three styles Python projects write — Google (`Args:`), NumPy (`Parameters` over
 * dashes) and reStructuredText field lists (`:param x:`) — to the code reference's doc model. The
 * style is recognised per section, so a docstring mixing them still reads. Text stays Markdown-ish
 * source: rendering parses it as Markdown (never MDX) and the one writer escapes it.
 */
import type {DocModel} from '../code-reference/model';

export interface ParsedDocstring {
  doc: DocModel;
  /** Parameter descriptions (and types written in the docstring) by name, without stars. */
  params: Map<string, {text: string; type?: string}>;
  /** Attributes / fields documented on a class. */
  attributes: Map<string, string>;
  /** The return type the docstring names (`:rtype:`, NumPy's `Returns` type line), for functions without an annotation. */
  returnsType?: string;
}

const GOOGLE = /^(Args|Arguments|Parameters|Params|Keyword Args|Keyword Arguments|Other Parameters|Attributes|Returns?|Yields?|Raises|Exceptions|Examples?|Notes?|Warnings?|See Also|Deprecated|Todo|References)\s*:\s*$/;
const NUMPY_RULE = /^\s*-{3,}\s*$/;

type SectionKind = 'params' | 'attributes' | 'returns' | 'raises' | 'examples' | 'notes' | 'see' | 'deprecated' | 'text';

function kindOf(title: string): SectionKind {
  const t = title.toLowerCase();
  if (/^(args|arguments|parameters|params|keyword args|keyword arguments|other parameters)$/.test(t)) return 'params';
  if (t === 'attributes') return 'attributes';
  if (/^(returns?|yields?)$/.test(t)) return 'returns';
  if (/^(raises|exceptions)$/.test(t)) return 'raises';
  if (/^examples?$/.test(t)) return 'examples';
  if (/^(notes?|warnings?|references|todo)$/.test(t)) return 'notes';
  if (t === 'see also') return 'see';
  if (t === 'deprecated') return 'deprecated';
  return 'text';
}

function dedent(lines: string[]): string[] {
  const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => line.length - line.trimStart().length));
  return lines.map((line) => (Number.isFinite(indent) ? line.slice(indent) : line));
}

/** reST's ``literal`` is Markdown's `literal`; `:class:\`x\``-style roles keep their target as code. */
function restInline(text: string): string {
  return text.replace(/``([^`]+)``/g, '`$1`').replace(/:(?:py:)?(?:class|func|meth|attr|mod|obj|exc|data|const):`~?([^`]+)`/g, '`$1`');
}

/** Items of a params-like section: Google `name (type): text`, NumPy `name : type` + indented text. */
function items(lines: string[], numpy: boolean): {name: string; type?: string; text: string}[] {
  const out: {name: string; type?: string; text: string[]}[] = [];
  const body = dedent(lines);
  for (const line of body) {
    const top = line.length > 0 && !/^\s/.test(line);
    if (top) {
      const match = numpy ? /^([*\w][\w*, ]*?)\s*(?::\s*(.*))?$/.exec(line) : /^([*\w][\w*.]*)\s*(?:\(([^)]*)\))?\s*:\s*(.*)$/.exec(line);
      if (match) {
        const entry = numpy ? {name: match[1]!, ...(match[2] ? {type: match[2]} : {}), text: []} : {name: match[1]!, ...(match[2] ? {type: match[2]} : {}), text: match[3] ? [match[3]] : []};
        out.push(entry);
        continue;
      }
    }
    const last = out[out.length - 1];
    if (last) last.text.push(line.trim() ? line.replace(/^\s{1,8}/, '') : '');
    else if (line.trim()) out.push({name: '', text: [line.trim()]});
  }
  return out.map((entry) => ({...entry, text: restInline(entry.text.join('\n').trim())}));
}

/** Doctest (`>>>`) runs become code; prose between them their captions. */
function examples(lines: string[]): {caption?: string; code: string; lang: string}[] {
  const out: {caption?: string; code: string; lang: string}[] = [];
  let prose: string[] = [];
  let code: string[] = [];
  const flush = () => {
    if (code.length > 0) {
      const caption = prose.join(' ').trim();
      out.push({...(caption ? {caption: restInline(caption)} : {}), code: code.join('\n'), lang: 'python'});
      prose = [];
    }
    code = [];
  };
  for (const line of dedent(lines)) {
    if (/^\s*(>>>|\.\.\.)( |$)/.test(line) || (code.length > 0 && line.trim())) code.push(line.trimEnd());
    else {
      flush();
      if (line.trim() && !/^\s*(\.\. code-block::|::)/.test(line)) prose.push(line.trim());
    }
  }
  flush();
  if (out.length === 0 && prose.length > 0) out.push({code: prose.join('\n'), lang: 'python'});
  return out;
}

export function parseDocstring(text: string | undefined): ParsedDocstring {
  const result: ParsedDocstring = {doc: {}, params: new Map(), attributes: new Map()};
  if (!text?.trim()) return result;
  const lines = text.split('\n');
  const sections: {kind: SectionKind; numpy: boolean; lines: string[]}[] = [{kind: 'text', numpy: false, lines: []}];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const google = GOOGLE.exec(line);
    if (google) {
      sections.push({kind: kindOf(google[1]!), numpy: false, lines: []});
      continue;
    }
    if (/^\S.*$/.test(line) && NUMPY_RULE.test(lines[i + 1] ?? '') && kindOf(line.trim()) !== 'text') {
      sections.push({kind: kindOf(line.trim()), numpy: true, lines: []});
      i++;
      continue;
    }
    sections[sections.length - 1]!.lines.push(line);
  }
  const text_: string[] = [];
  const notes: string[] = [];
  for (const section of sections) {
    switch (section.kind) {
      case 'text':
        text_.push(...readFieldList(section.lines, result));
        break;
      case 'params':
        for (const item of items(section.lines, section.numpy)) {
          for (const name of item.name.split(/\s*,\s*/)) if (name) result.params.set(name.replace(/^\*+/, ''), {text: item.text, ...(item.type ? {type: item.type} : {})});
        }
        break;
      case 'attributes':
        for (const item of items(section.lines, section.numpy)) if (item.name) result.attributes.set(item.name, item.text);
        break;
      case 'returns': {
        const body = dedent(section.lines).join('\n').trim();
        // NumPy puts the type on the first line and the text below it.
        if (section.numpy) {
          const [first = '', ...more] = body.split('\n');
          // `name : type` or just `type` on the first line, the text indented below.
          const type = first.includes(' : ') ? first.split(' : ')[1]!.trim() : first.trim();
          if (type) result.returnsType = type;
          const text = more.join('\n').trim();
          if (text) result.doc.returns = restInline(text);
        } else result.doc.returns = restInline(body);
        break;
      }
      case 'raises':
        result.doc.throws = items(section.lines, section.numpy).map((item) => (item.name ? `\`${item.name}\`${item.text ? `: ${item.text}` : ''}` : item.text));
        break;
      case 'examples':
        result.doc.examples = [...(result.doc.examples ?? []), ...examples(section.lines)];
        break;
      case 'notes':
        notes.push(restInline(dedent(section.lines).join('\n').trim()));
        break;
      case 'see':
        result.doc.see = dedent(section.lines).filter((line) => line.trim()).map((line) => restInline(line.trim()));
        break;
      case 'deprecated':
        result.doc.deprecated = restInline(dedent(section.lines).join(' ').trim()) || true;
        break;
    }
  }
  const summary = restInline(withDoctestFences(text_).join('\n').trim());
  if (summary) result.doc.summary = summary;
  if (notes.filter(Boolean).length > 0) result.doc.remarks = notes.filter(Boolean).join('\n\n');
  return result;
}

/** Free text: reST field lists and `.. deprecated::` are taken out; the rest is returned. */
function readFieldList(lines: string[], result: ParsedDocstring): string[] {
  const out: string[] = [];
  const types = new Map<string, string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const field = /^\s*:(param|parameter|arg|argument|key|keyword|type|returns?|rtype|raises?|except|exception|ivar|cvar|var|vartype)(?:\s+([^:]*?))?\s*:\s*(.*)$/.exec(line);
    const directive = /^\s*\.\.\s+(deprecated|note|warning|versionadded|versionchanged)::\s*(.*)$/.exec(line);
    if (!field && !directive) {
      out.push(line);
      continue;
    }
    // The field's text runs on over indented lines.
    const rest: string[] = [(field ? field[3] : directive![2])!];
    while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]!) && !/^\s*:\w+/.test(lines[i + 1]!)) rest.push(lines[++i]!.trim());
    const body = restInline(rest.join(' ').trim());
    if (directive) {
      const [, name, version] = directive;
      const message = rest.slice(1).join(' ').trim();
      if (name === 'deprecated') result.doc.deprecated = restInline([version, message].filter(Boolean).join(': ')) || true;
      else if (name === 'versionadded') result.doc.since = version!.trim();
      else if (name === 'note' || name === 'warning') result.doc.remarks = [result.doc.remarks, restInline(rest.join(' ').trim())].filter(Boolean).join('\n\n');
      continue;
    }
    const [, tag, arg] = field!;
    const words = (arg ?? '').trim().split(/\s+/);
    const name = words[words.length - 1]!.replace(/^\*+/, '');
    switch (tag) {
      case 'param': case 'parameter': case 'arg': case 'argument': case 'key': case 'keyword': {
        const type = words.length > 1 ? words.slice(0, -1).join(' ') : types.get(name);
        // (`:type x:` usually comes after `:param x:`; it is filled in below.)
        result.params.set(name, {text: body, ...(type ? {type} : {})});
        break;
      }
      case 'type': {
        types.set(name, body);
        const param = result.params.get(name);
        if (param) param.type = body;
        break;
      }
      case 'returns': case 'return':
        result.doc.returns = body;
        break;
      case 'rtype':
        result.returnsType = body;
        break;
      case 'raises': case 'raise': case 'except': case 'exception':
        result.doc.throws = [...(result.doc.throws ?? []), `\`${arg?.trim() ?? 'Exception'}\`${body ? `: ${body}` : ''}`];
        break;
      case 'ivar': case 'cvar': case 'var':
        result.attributes.set(name, body);
        break;
    }
  }
  return out;
}

/** Doctest runs in running text become fenced Python, so `>>>` lines never read as Markdown quotes. */
function withDoctestFences(lines: string[]): string[] {
  const out: string[] = [];
  let inCode = false;
  for (const line of lines) {
    const doctest = /^\s*(>>>|\.\.\.)( |$)/.test(line);
    if (doctest && !inCode) {
      out.push('```python');
      inCode = true;
    } else if (inCode && !line.trim()) {
      out.push('```');
      inCode = false;
    }
    out.push(inCode ? line.trimStart() : line);
  }
  if (inCode) out.push('```');
  return out;
}
