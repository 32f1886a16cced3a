/**
 * Links into the target's repository on its web host: "edit this page", source lines, commits.
 * GitHub, GitLab and Bitbucket come from hosted-git-info; other hosts (self-hosted GitLab, Gitea...)
 * from the configured `repositoryUrl`. Credentials in a remote URL never reach a link.
 */
import hostedGitInfo from 'hosted-git-info';

export type HostKind = 'github' | 'gitlab' | 'bitbucket';

export interface RepoLinks {
  /** The repository's home page, without credentials or `.git`. */
  webUrl: string;
  kind: HostKind;
  /** A file (and line) at a ref (branch or commit). `file` is relative to the repository root. */
  fileUrl(file: string, ref: string, line?: number): string;
  editUrl(file: string, ref: string): string;
  commitUrl(sha: string): string;
  /** The changes between two refs (tags, commits). */
  compareUrl(from: string, to: string): string;
  /** An issue or pull request by number. */
  issueUrl(number: number): string;
}

/**
 * @param repositoryUrl the configured web URL, which wins over the remote
 * @param remoteUrl the `origin` remote as git reports it
 */
export function createRepoLinks(repositoryUrl?: string, remoteUrl?: string): RepoLinks | undefined {
  const source = repositoryUrl ?? remoteUrl;
  if (!source) return undefined;
  const hosted = hostedGitInfo.fromUrl(source, {noGitPlus: true});
  // No committish: `…/tree/main` or `…#main` still means the repository's home page.
  const webUrl = hosted?.browse({noCommittish: true}) ?? genericWebUrl(source);
  if (!webUrl) return undefined;
  const kind: HostKind = (hosted?.type as HostKind | undefined) ?? guessKind(webUrl);
  const enc = (file: string) => file.split('/').map(encodeURIComponent).join('/');
  const lineAnchor = (line?: number) => {
    if (!line) return '';
    return kind === 'bitbucket' ? `#lines-${line}` : `#L${line}`;
  };
  const fileBase: Record<HostKind, string> = {
    github: `${webUrl}/blob`,
    gitlab: `${webUrl}/-/blob`,
    bitbucket: `${webUrl}/src`,
  };
  return {
    webUrl,
    kind,
    fileUrl: (file, ref, line) => `${fileBase[kind]}/${encodeURIComponent(ref)}/${enc(file)}${lineAnchor(line)}`,
    editUrl: (file, ref) => {
      if (kind === 'gitlab') return `${webUrl}/-/edit/${encodeURIComponent(ref)}/${enc(file)}`;
      if (kind === 'bitbucket') return `${webUrl}/src/${encodeURIComponent(ref)}/${enc(file)}?mode=edit`;
      return `${webUrl}/edit/${encodeURIComponent(ref)}/${enc(file)}`;
    },
    commitUrl: (sha) => {
      // GitLab 16 dropped the legacy `/commit/` route: only `/-/commit/` resolves.
      if (kind === 'gitlab') return `${webUrl}/-/commit/${sha}`;
      return kind === 'bitbucket' ? `${webUrl}/commits/${sha}` : `${webUrl}/commit/${sha}`;
    },
    compareUrl: (from, to) => {
      const [a, b] = [encodeURIComponent(from), encodeURIComponent(to)];
      if (kind === 'gitlab') return `${webUrl}/-/compare/${a}...${b}`;
      // Bitbucket reads the range the other way round: what is new first.
      return kind === 'bitbucket' ? `${webUrl}/branches/compare/${b}%0D${a}` : `${webUrl}/compare/${a}...${b}`;
    },
    issueUrl: (number) => {
      // GitLab writes merge requests as `!123`, so `#123` is an issue; Bitbucket's `#123` in a merge is its pull request.
      if (kind === 'gitlab') return `${webUrl}/-/issues/${number}`;
      return kind === 'bitbucket' ? `${webUrl}/pull-requests/${number}` : `${webUrl}/issues/${number}`;
    },
  };
}

/** `git@host:org/repo.git`, `ssh://git@host/org/repo`, `https://user:token@host/org/repo.git` → `https://host/org/repo`. */
function genericWebUrl(source: string): string | undefined {
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(source);
  let url: URL;
  try {
    url = new URL(scp ? `https://${scp[1]}/${scp[2]}` : source);
  } catch {
    return undefined;
  }
  if (!/^(https?|ssh|git):$/.test(url.protocol)) return undefined;
  const pathname = url.pathname.replace(/\.git\/?$/, '').replace(/\/$/, '');
  if (!pathname || pathname === '/') return undefined;
  const protocol = url.protocol === 'http:' ? 'http:' : 'https:';
  return `${protocol}//${url.hostname}${url.port && url.protocol.startsWith('http') ? `:${url.port}` : ''}${pathname}`;
}

function guessKind(webUrl: string): HostKind {
  const host = new URL(webUrl).hostname;
  if (host.includes('gitlab')) return 'gitlab';
  if (host.includes('bitbucket')) return 'bitbucket';
  return 'github';
}
