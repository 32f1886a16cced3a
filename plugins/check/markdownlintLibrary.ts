/**
 * markdownlint, imported by the check only when a page has no cached findings: a warm run lints
 * nothing and should not load it (~0.2-0.5 s; docs/adr/0059).
 */
export {lint} from 'markdownlint/promise';
