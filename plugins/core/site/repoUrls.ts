/**
 * Every URL into the target's repository, in one place: the host's URL rules come from repoLinks,
 * and this adds what each caller used to add by hand — the target's folder inside its repository
 * (`git.prefix`) and the ref links point at. No URL at all when the target is not a git repository
 * with a known host.
 */
import path from 'node:path';
import type {TargetContext} from '../types';

export interface RepoUrls {
  /** The repository's home page, if the host is known. */
  webUrl?: string;
  /** A file of the target (relative to its root) at the site's ref, or at `ref` (a commit). */
  fileUrl?(file: string, line?: number, ref?: string): string;
  editUrl?(file: string): string;
  commitUrl?(sha: string): string;
  compareUrl?(from: string, to: string): string;
  issueUrl?(number: number): string;
}

export function createRepoUrls(context: Pick<TargetContext, 'links' | 'git' | 'ref'>): RepoUrls {
  const {links, git, ref} = context;
  if (!links || !git.isRepository) return {};
  const inRepo = (file: string) => path.posix.join(git.prefix, file);
  return {
    webUrl: links.webUrl,
    fileUrl: (file, line, at) => links.fileUrl(inRepo(file), at ?? ref, line),
    editUrl: (file) => links.editUrl(inRepo(file), ref),
    commitUrl: (sha) => links.commitUrl(sha),
    compareUrl: (from, to) => links.compareUrl(from, to),
    issueUrl: (number) => links.issueUrl(number),
  };
}
