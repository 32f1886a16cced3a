/**
 * Images and links in an API description's texts that point into the repository
 * (`![flow](../flow.png)`, `/assets/x.png`): replaced by their text in the document before the model
 * is made, so neither the pages nor the page data the explorer reads carry them, and the ones naming
 * a file the repository does not have become problems with their JSON pointer (see
 * core/mdx/targetLinks.ts for why).
 */
import fs from 'node:fs';
import path from 'node:path';
import {checkTargetLinks, describeTargetLinkProblem} from '../core/mdx/targetLinks';
import type {SpecProblem} from './model';

/** Keys whose strings are Markdown text. */
const TEXT_KEYS = new Set(['description', 'summary']);
/** Keys whose values are data (examples, defaults), never text to rewrite. */
const DATA_KEYS = new Set(['example', 'examples', 'value', 'default', 'enum', 'const']);

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export interface DescriptionLinks {
  problems: SpecProblem[];
  /** Files the texts name, relative to the root: the cached model depends on whether they exist. */
  referenced: string[];
}

/** Rewrites `document` in place. `file` is the description's root file, relative to `root`. */
export function checkDescriptionLinks(document: unknown, root: string, file: string): DescriptionLinks {
  const problems: SpecProblem[] = [];
  const referenced = new Set<string>();
  const exists = (relative: string) => {
    try {
      return fs.statSync(path.join(root, relative)).isFile();
    } catch {
      return false;
    }
  };
  const seen = new Set<object>();
  const visit = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (TEXT_KEYS.has(key) && typeof value === 'string') {
        const checked = checkTargetLinks(value, {source: file, exists});
        if (checked.markdown !== value) (node as Record<string, unknown>)[key] = checked.markdown;
        checked.referenced.forEach((name) => referenced.add(name));
        for (const problem of checked.problems) problems.push({message: describeTargetLinkProblem(problem), file, pointer: `#${at}`, rule: 'missing-file'});
      } else if (!DATA_KEYS.has(key) && !key.startsWith('x-')) {
        visit(value, at);
      }
    }
  };
  visit(document, '');
  return {problems, referenced: [...referenced].sort()};
}
