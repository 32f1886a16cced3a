/**
 * The checks `docs-architect check` runs, in this order. A check of another part of docs-architect
 * (citations, drift, coverage...) joins by being added here: it speaks core's QualityCheck, so the
 * command knows nothing of how it works (docs/adr/0042).
 */
import type {QualityCheck} from '../core/findings';
import {frontMatterCheck} from './frontMatter';
import {inclusiveCheck} from './inclusive';
import {linksCheck} from './links';
import {livingDocsChecks} from '../living-docs/checks';
import {markdownlintCheck} from './markdownlint';
import {mermaidCheck} from './mermaid';
import {readabilityCheck} from './readability';
import {headingsCheck, imagesCheck} from './structure';

export const qualityChecks: QualityCheck[] = [linksCheck, frontMatterCheck, mermaidCheck, headingsCheck, imagesCheck, readabilityCheck, inclusiveCheck, markdownlintCheck, ...livingDocsChecks];
