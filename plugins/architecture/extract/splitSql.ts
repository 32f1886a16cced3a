/**
 * A SQL file into its statements, each with the line it starts on, so that one statement the parser
 * cannot read is reported where it is and the others are still parsed. Semicolons inside strings,
 * quoted names, comments and PostgreSQL dollar-quoted bodies (`$$ ... $$`, functions) do not end a
 * statement. Comments are blanked out of the text handed on.
 */
export interface SqlStatement {
  /** 1-based line of the statement's first character that is not blank or a comment. */
  line: number;
  text: string;
}

export function splitSql(source: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let text = '';
  let line = 1;
  let start = 0;
  const flush = () => {
    const trimmed = text.trim();
    if (trimmed) statements.push({line: start, text: trimmed});
    text = '';
    start = 0;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const mark = () => {
      if (!start && !/\s/.test(c)) start = line;
    };
    if (c === '\n') line++;
    if (c === '-' && source[i + 1] === '-') {
      const end = source.indexOf('\n', i);
      i = (end === -1 ? source.length : end) - 1;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      line += countLines(source, i, stop);
      i = stop - 1;
      text += ' ';
      continue;
    }
    const dollar = c === '$' ? /^\$[A-Za-z_]*\$/.exec(source.slice(i, i + 64)) : null;
    if (c === "'" || c === '"' || c === '`' || dollar) {
      mark();
      const close = dollar ? dollar[0] : c;
      let end = source.indexOf(close, i + close.length);
      // '' inside a string is a quote, not the end.
      while (!dollar && end !== -1 && source[end + 1] === close) end = source.indexOf(close, end + 2);
      const stop = end === -1 ? source.length : end + close.length;
      line += countLines(source, i, stop);
      text += source.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (c === ';') {
      flush();
      continue;
    }
    mark();
    text += c;
  }
  flush();
  return statements;
}

function countLines(source: string, from: number, to: number): number {
  let count = 0;
  for (let i = source.indexOf('\n', from); i !== -1 && i < to; i = source.indexOf('\n', i + 1)) count++;
  return count;
}
