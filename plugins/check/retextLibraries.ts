/**
 * retext and its English parser and equality rules, imported by the inclusive language check only
 * when a page has no cached findings: a warm run reads no prose and should not load them (docs/adr/0059).
 */
export {retext} from 'retext';
export {default as retextEnglish} from 'retext-english';
export {default as retextEquality} from 'retext-equality';
