/**
 * ts-morph, loaded the first time a caller needs it rather than when its module is imported: it
 * costs ~0.7 s of start-up, and most runs parse no TypeScript outside the code reference's
 * extraction, which the caches often skip (docs/adr/0059). `typescript` is a development dependency,
 * absent when the package is installed: ts-morph's own copy of the compiler is the one (docs/adr/0038).
 */
import type * as TsMorph from 'ts-morph';

let loaded: typeof TsMorph | undefined;

/** The ts-morph module. */
export function tsMorph(): typeof TsMorph {
  // `require`, not `import()`: synchronous, as its callers are, and the same loading as a top-level
  // import in the compiled CLI and through jiti.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('ts-morph') as typeof TsMorph);
}

/** TypeScript's compiler API as ts-morph bundles it. */
export function typescript(): typeof TsMorph.ts {
  return tsMorph().ts;
}
