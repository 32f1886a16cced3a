/**
 * The components an author may use to cite the code (docs/adr/0041). The theme provides them to
 * every page (src/theme/MDXComponents.tsx), so the stager keeps them; the living-docs generator
 * resolves their props when the page is staged.
 */
export const CITATION_COMPONENTS = ['CodeSnippet', 'SymbolLink', 'ApiOperation', 'EnvVar'] as const;

export type CitationComponent = (typeof CITATION_COMPONENTS)[number];
