/** The one function we use from swagger2openapi, which ships no types. */
declare module 'swagger2openapi' {
  export interface ConvertOptions {
    patch?: boolean;
    warnOnly?: boolean;
    /** The source text; only used for messages. Passing `'{}'` spares it re-serialising the document. */
    text?: string;
    resolveInternal?: boolean;
  }
  export function convertObj(swagger: unknown, options: ConvertOptions): Promise<{openapi: Record<string, unknown>}>;
}
