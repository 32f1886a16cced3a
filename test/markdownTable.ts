/**
 * Reading the tables of docs/configuration.md in the tests that check it against the config schema.
 */

/** The body rows of the first table whose header line matches `header`: the header and delimiter rows skipped, up to the first line that is not a row. */
export function tableRows(markdown: string, header: RegExp): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => header.test(line));
  if (start === -1) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** The `code spans` of a piece of Markdown text, without their backticks. */
export function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}
