/**
 * Reading time of a Markdown/MDX body, for pages whose authors give none. Prose is counted in words
 * (with `Intl.Segmenter`, as Docusaurus's blog does, so languages written without spaces count too);
 * code is counted in lines, because a line of code takes longer to read than its word count suggests
 * and a long identifier is one "word"; diagrams and images count as a fixed time each. See
 * docs/adr/0011-reading-time.md for the figures.
 */
import type {Nodes} from 'mdast';
import {parseMarkdown} from '../core/markdown/sanitizeMarkdown';

export const DEFAULT_WORDS_PER_MINUTE = 220;
/** A careful read of a typical example: about 20 lines a minute. */
export const SECONDS_PER_CODE_LINE = 3;
/** A diagram (a ```mermaid block) or an image: Medium's 12 seconds for a figure. */
export const SECONDS_PER_FIGURE = 12;

export interface ReadingTimeOptions {
  wordsPerMinute?: number;
  locale?: string;
}

export interface ReadingTime {
  /** Whole minutes, at least 1 for a page with any content. */
  minutes: number;
  words: number;
  codeLines: number;
  figures: number;
}

const DIAGRAM_LANGUAGES = new Set(['mermaid', 'plantuml', 'dot', 'graphviz']);

export function estimateReadingTime(markdown: string, options: ReadingTimeOptions = {}): ReadingTime {
  const wordsPerMinute = options.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE;
  const segmenter = new Intl.Segmenter(options.locale ?? 'en', {granularity: 'word'});
  let words = 0;
  let codeLines = 0;
  let figures = 0;
  const prose: string[] = [];

  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'code':
        if (node.lang && DIAGRAM_LANGUAGES.has(node.lang.toLowerCase())) figures++;
        else codeLines += node.value.split('\n').filter((line) => line.trim() !== '').length;
        return;
      case 'image':
      case 'imageReference':
        figures++;
        return;
      case 'html':
        // JSX and HTML tags are markup, not something a reader reads.
        return;
      case 'text':
      case 'inlineCode':
        prose.push(node.value);
        return;
      default:
        break;
    }
    if ('children' in node) {
      for (const child of node.children) visit(child as Nodes);
      // Words in adjacent blocks must not run together.
      prose.push(' ');
    }
  };
  visit(parseMarkdown(stripEsm(markdown)));

  words = countWords(prose.join(''), segmenter);
  const seconds = (words / wordsPerMinute) * 60 + codeLines * SECONDS_PER_CODE_LINE + figures * SECONDS_PER_FIGURE;
  return {minutes: seconds === 0 ? 0 : Math.max(1, Math.round(seconds / 60)), words, codeLines, figures};
}

/**
 * V8's `Intl.Segmenter` takes time quadratic in the length of its input (in Node 20, 430 KB of prose
 * took 100 s, and a generated reference page can hold that much), so it gets pieces of at most this
 * many characters, cut at white space, where no word can be split.
 */
const MAX_PIECE = 2000;

export function countWords(text: string, segmenter: Intl.Segmenter): number {
  let words = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + MAX_PIECE);
    if (end < text.length) {
      // Back to the last white space of the piece; text with none (say, Chinese) is cut where it is.
      let cut = end;
      while (cut > start && !/\s/.test(text[cut]!)) cut--;
      if (cut > start) end = cut;
    }
    for (const segment of segmenter.segment(text.slice(start, end))) {
      if (segment.isWordLike) words++;
    }
    start = end;
  }
  return words;
}

/**
 * Removes MDX ESM outside code fences. As in MDX, an `import`/`export` line starts a block of ESM
 * that runs to the next blank line, so a multi-line import does not count as prose.
 */
function stripEsm(markdown: string): string {
  let fence: string | undefined;
  let inEsm = false;
  return markdown
    .split('\n')
    .filter((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence ? undefined : marker;
        return true;
      }
      if (fence) return true;
      if (/^(import|export)\s/.test(line)) inEsm = true;
      else if (line.trim() === '') inEsm = false;
      return !inEsm;
    })
    .join('\n');
}
