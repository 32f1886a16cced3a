/**
 * The theme's MDX components plus the ones generated pages use, so a generated page needs no import
 * statement (wrapped, not ejected: the theme's own components stay as they are).
 */
import MDXComponents from '@theme-original/MDXComponents';
import {ApiBadges, ApiDeprecated, ApiSignature} from '@site/src/components/ApiReference';
import {ApiOperation, CodeSnippet, EnvVar, SymbolLink} from '@site/src/components/LivingDocs';
import GraphqlExplorer from '@site/src/components/GraphqlExplorer';
import ScrollableTable from '@site/src/components/ScrollableTable';

export default {
  ...MDXComponents,
  ApiSignature,
  ApiDeprecated,
  ApiBadges,
  // The citation components of hand-written pages (docs/living-docs.md).
  CodeSnippet,
  SymbolLink,
  ApiOperation,
  EnvVar,
  GraphqlExplorer,
  // Markdown tables: focusable while they scroll sideways (phone width), for the keyboard.
  table: ScrollableTable,
};
