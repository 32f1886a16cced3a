/**
 * The audience plugin's data as the theme sees it. Plain JSON: it travels in front matter, route
 * data and global data. The client imports these types only.
 */
import type {Level} from './vocabulary';

/** What the site knows about one page, from its front matter and its text. */
export interface PageFacts {
  /** Audience ids, primary ones first; empty when the page does not say (then it is for everyone). */
  audience: string[];
  primaryAudience: string[];
  level?: {from: Level; to: Level};
  contentType?: string;
  readingTime: {minutes: number; computed: boolean};
  maintainers: string[];
  review?: {cycle: string; lastReviewed: string; due: string; overdue: boolean};
}

/** The front matter key under which the parseFrontMatter hook hands PageFacts to the theme. */
export const FACTS_KEY = 'docs_architect';

/** One page in the audience pages and indexes. */
export interface PageEntry {
  permalink: string;
  title: string;
  description?: string;
  /** The section (docs instance) it belongs to, e.g. "Guides". */
  section: string;
  /** Position in the author's reading order: sections in navbar order, then sidebar order. */
  order: number;
  facts: PageFacts;
}

export interface AudienceSummary {
  id: string;
  label: string;
  description?: string;
  /** Pages tagged for this audience (pages for everyone not counted). */
  pages: number;
  /** Minutes to read its whole reading path. */
  minutes: number;
}

/** Global data of the audience plugin: small, whatever the size of the site. */
export interface AudienceGlobalData {
  audiences: AudienceSummary[];
  /** Every audience id of the vocabulary, for the switcher to accept a shared `?audience=`. */
  known: string[];
  /** Content type id → label. */
  contentTypes: Record<string, string>;
  /** Audience id → label, for badges. */
  labels: Record<string, string>;
  /** Route of the audiences index and of the content-type index. */
  audiencesPath: string;
  contentTypesPath: string;
}

export interface ReadingPathStep {
  level?: Level;
  pages: PageEntry[];
  minutes: number;
}

/** Props of an audience's landing page. */
export interface ReadingPathData {
  audience: AudienceSummary;
  steps: ReadingPathStep[];
  minutes: number;
  labels: Record<string, string>;
  contentTypes: Record<string, string>;
}

export interface ContentTypeIndexData {
  groups: {id?: string; label: string; description?: string; pages: PageEntry[]}[];
  tags: {label: string; permalink: string; count: number; section: string}[];
  labels: Record<string, string>;
}
