/**
 * The target's tags with the commit each points at and its date: one `git for-each-ref` through
 * simple-git. An annotated tag is dated by its tagger, a lightweight one by its commit.
 */
import {simpleGit} from 'simple-git';

export interface Tag {
  name: string;
  /** The commit the tag points at (peeled). */
  sha: string;
  /** ISO 8601. */
  date: string;
}

const FORMAT = '%(refname)%00%(objectname)%00%(*objectname)%00%(creatordate:iso-strict)';

export async function readTags(cwd: string): Promise<Tag[]> {
  // A fixed argument list: no tag or branch name is ever passed to git.
  const output = await simpleGit({baseDir: cwd}).raw(['for-each-ref', `--format=${FORMAT}`, 'refs/tags/']);
  return parseTags(output);
}

export function parseTags(output: string): Tag[] {
  const tags: Tag[] = [];
  for (const line of output.split('\n')) {
    const [ref, object, peeled, date] = line.split('\0');
    if (!ref?.startsWith('refs/tags/') || !object) continue;
    tags.push({name: ref.slice('refs/tags/'.length), sha: peeled || object, date: date ?? ''});
  }
  return tags.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
