/**
 * The Guides section's inputs from a target's context: the pages gathered beside the docs folder,
 * and what the stager needs to copy them. Kept apart from prepareSite so that the pipeline only
 * calls two functions.
 */
import path from 'node:path';
import type {TargetContext} from '../types';
import {navigationOrder, type FrameworkDocs} from './frameworkDocs';
import {gatherGuides, type GuidePlan} from './gatherGuides';
import type {StageOptions} from './stageAuthoredDocs';

export function gatherGuidesOf(context: TargetContext, docsDir: string | undefined): GuidePlan {
  return gatherGuides({
    files: context.inventory.files,
    docsRel: docsDir ? path.relative(context.root, docsDir).split(path.sep).join('/') : undefined,
    packageDirs: context.inventory.packages.map((pkg) => pkg.dir),
  });
}

export function stageInputs(context: TargetContext, docsDir: string | undefined, guides: GuidePlan): Omit<StageOptions, 'siteDir' | 'report'> {
  const {links, git, ref} = context;
  return {
    root: context.root,
    docsDir,
    guides,
    targetFiles: context.inventory.files,
    // The repository's own path prefix: the target may be a folder of a larger repository.
    fileUrl: links && git.isRepository ? (relative) => links.fileUrl(path.posix.join(git.prefix, relative), ref) : undefined,
  };
}

/** The page order of the docs' own framework; a navigation that cannot be read statically is a warning. */
export async function frameworkOrder(context: TargetContext, docs: FrameworkDocs): Promise<Map<string, number>> {
  const {order, note} = await navigationOrder(context.root, docs, context.inventory.files);
  if (note) {
    context.report.warn(note, {
      file: docs.config ? path.join(context.root, docs.config) : undefined,
      fix: 'Write the navigation as plain literals, or give the pages a `sidebar_position` front matter key',
    });
  }
  return order;
}
