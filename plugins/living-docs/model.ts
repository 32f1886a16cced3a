/**
 * The living-docs model: what the hand-written pages cite and cover, how far each page has fallen
 * behind its code, and the thresholds the Quality page and the checks apply. Plain JSON, sorted by
 * page file then line (docs/adr/0041).
 */
import type {CitationComponent} from '../core/authored/citationComponents';

/** Bump when the shape changes. */
export const LIVING_DOCS_MODEL_VERSION = 2;

/** One `<CodeSnippet>`, `<SymbolLink>`, `<ApiOperation>` or `<EnvVar>` of a page, as written. */
export interface CitationModel {
  component: CitationComponent;
  /** 1-based line in the page. */
  line: number;
  /** Its props as written (string literals only). */
  props: Record<string, string>;
  /**
   * Set when the cited code is gone (a file, symbol, region or line range), known at extract. A
   * missing symbol, operation or variable of a link is found at render, through the link index.
   */
  broken?: BrokenCitation;
}

export interface BrokenCitation {
  /** What is missing, one clause: `the symbol "createCharge" is not declared in src/charge.ts`. */
  missing: string;
  /** The closest existing name, for "did you mean". */
  suggestion?: string;
}

export interface DriftModel {
  /** Commits to the covered code after the page's own last commit. */
  commits: number;
  /** ISO date of the newest of them. */
  newest: string;
  /** The page's last commit and the newest covering commit, for the compare link. */
  pageSha: string;
  newestSha: string;
  /** Whole days from the page's last edit to the newest covering commit. */
  days: number;
}

export interface PageModel {
  /** Path relative to the target's root, POSIX. */
  file: string;
  title: string;
  /** The front matter's `covers` patterns (gitignore syntax), sorted. */
  covers: string[];
  /** Files the page cites (existing ones), sorted: they count as covered too. */
  cited: string[];
  citations: CitationModel[];
  /** ISO date of the page's own last commit. */
  lastEdited?: string;
  /** Set when the code it covers moved on past the configured thresholds. */
  drift?: DriftModel;
  /** Days since the last edit (or `last_reviewed`), when past `reviewAfterDays`. */
  reviewOverdueDays?: number;
}

/** How hard one hand-written page is to read (core/readability.ts: the grade `check` applies its limit to). */
export interface PageProse {
  file: string;
  title: string;
  /** Words, sentences and syllables of its prose (code, tables, JSX and front matter left out). */
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade, rounded to a tenth; 0 without prose. */
  grade: number;
}

export interface LivingDocsThresholds {
  driftCommits: number;
  driftDays: number;
  coverage: number;
  reviewAfterDays: number;
  /** `check.maxGrade` and `check.minWords`: the readability limit, and the words a page needs to be graded. */
  maxGrade: number;
  minWords: number;
}

export interface LivingDocsModel {
  version: typeof LIVING_DOCS_MODEL_VERSION;
  thresholds: LivingDocsThresholds;
  /** Pages with citations, `covers`, or due for review, sorted by file. */
  pages: PageModel[];
  /** Every hand-written page that parses, sorted by file: its readability, and the count of pages the freshness chart divides. */
  grades: PageProse[];
  /** The newest commit of the target (the ref compare links end at). */
  head?: string;
}
