/**
 * Python string literals as their value (in core: the Python code reference and the architecture
 * section's SQLAlchemy and Alembic readers both read them): prefixes, quotes and the common escapes, and docstrings
 * dedented the way `inspect.cleandoc` does, so docstrings read as their authors see them in `help()`.
 */

const ESCAPES: Record<string, string> = {n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '\n': '', a: '\x07', b: '\b', f: '\f', v: '\v', 0: '\0'};

/** The value of one literal, or of implicitly joined literals (`"a" "b"`). */
export function stringValue(literal: string): string {
  const out: string[] = [];
  const pattern = /([rRbBuUfF]{0,2})("""|'''|"|')([\s\S]*?)\2/g;
  for (const match of literal.matchAll(pattern)) {
    const raw = /r/i.test(match[1]!);
    const body = match[3]!;
    out.push(raw ? body : body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[\s\S])/g, (whole, code: string) => {
      if (code.length > 1) return String.fromCharCode(parseInt(code.slice(1), 16));
      return ESCAPES[code] ?? whole;
    }));
  }
  return cleandoc(out.join(''));
}

/** `inspect.cleandoc`: tabs to spaces, first line stripped, the common indent of the rest removed, blank edges dropped. */
export function cleandoc(text: string): string {
  const lines = text.replace(/\t/g, '        ').split(/\r?\n/);
  let indent = Infinity;
  for (const line of lines.slice(1)) {
    const content = line.trimStart();
    if (content) indent = Math.min(indent, line.length - content.length);
  }
  const out = [lines[0]!.trim(), ...lines.slice(1).map((line) => (indent === Infinity ? line : line.slice(indent)).trimEnd())];
  while (out.length > 0 && !out[0]) out.shift();
  while (out.length > 0 && !out[out.length - 1]) out.pop();
  return out.join('\n');
}
