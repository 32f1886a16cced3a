/** The prose of a page moved to core (docs/adr/0050): the Quality page grades it too. */
export {blankFrontMatter, proseBlocks, proseOfTree, type ProseBlock} from '../core/markdown/prose';
