/** Descriptions as mdast nodes: the one importer lives in core, shared with the other API kinds. */
export {markdownBlocks, markdownInline} from '../core/markdown/markdownNodes';
