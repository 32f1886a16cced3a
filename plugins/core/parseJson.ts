/**
 * JSON from a target (a package.json, a composer.json) parsed with the place of its first mistake:
 * line and column, 1-based, so that a malformed manifest is a warning a reader can act on. V8 reports
 * only a character offset ("... in JSON at position 42"), or nothing at the end of the input; the
 * line and column are counted from that offset.
 */

export type JsonResult = {ok: true; value: unknown} | {ok: false; message: string; line: number; column: number};

/** Line and column (1-based) of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return {line: lines.length, column: lines.at(-1)!.length + 1};
}

export function parseJson(raw: string): JsonResult {
  // npm accepts a byte order mark; JSON.parse does not.
  const text = raw.replace(/^\ufeff/, '');
  try {
    return {ok: true, value: JSON.parse(text) as unknown};
  } catch (error) {
    const full = (error as Error).message;
    const position = /at position (\d+)/.exec(full);
    const offset = position ? Number(position[1]) : text.length;
    // The message without V8's offset (we give line and column) or its quote of the whole input.
    const message = full.replace(/\s*in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '');
    return {ok: false, message: /end of JSON input/.test(full) ? 'unexpected end of the file' : message, ...lineAndColumn(text, offset)};
  }
}
