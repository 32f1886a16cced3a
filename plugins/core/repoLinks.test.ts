import {describe, expect, it} from 'vitest';
import {createRepoLinks, type RepoLinks} from './repoLinks';

function links(remote: string, repositoryUrl?: string): RepoLinks {
  const result = createRepoLinks(repositoryUrl, remote);
  if (!result) throw new Error(`no links for ${remote}`);
  return result;
}

/** Every URL a RepoLinks makes, for one file, ref and commit. */
function allUrls(repo: RepoLinks): string[] {
  return [
    repo.webUrl,
    repo.fileUrl('src/index.ts', 'main'),
    repo.fileUrl('src/index.ts', 'main', 42),
    repo.editUrl('docs/intro.md', 'main'),
    repo.commitUrl('0123456789abcdef0123456789abcdef01234567'),
  ];
}

describe('createRepoLinks: the web home of each remote form', () => {
  it.each([
    ['git@github.com:acme/payments.git', 'github', 'https://github.com/acme/payments'],
    ['https://github.com/acme/payments.git', 'github', 'https://github.com/acme/payments'],
    ['https://github.com/acme/payments', 'github', 'https://github.com/acme/payments'],
    ['ssh://git@github.com/acme/payments.git', 'github', 'https://github.com/acme/payments'],
    ['git+https://github.com/acme/payments.git', 'github', 'https://github.com/acme/payments'],
    ['git@gitlab.com:group/subgroup/project.git', 'gitlab', 'https://gitlab.com/group/subgroup/project'],
    ['https://gitlab.com/group/subgroup/deeper/project.git', 'gitlab', 'https://gitlab.com/group/subgroup/deeper/project'],
    ['git@bitbucket.org:team/repo.git', 'bitbucket', 'https://bitbucket.org/team/repo'],
    ['https://someone@bitbucket.org/team/repo.git', 'bitbucket', 'https://bitbucket.org/team/repo'],
    ['https://git.example.com/org/repo.git', 'github', 'https://git.example.com/org/repo'],
    ['git@git.example.com:org/repo.git', 'github', 'https://git.example.com/org/repo'],
    ['ssh://git@git.example.com:2222/org/repo.git', 'github', 'https://git.example.com/org/repo'],
    ['http://git.example.com:8080/org/repo.git', 'github', 'http://git.example.com:8080/org/repo'],
    ['https://gitlab.example.com/group/sub/repo.git', 'gitlab', 'https://gitlab.example.com/group/sub/repo'],
    ['git@bitbucket.example.com:team/repo.git', 'bitbucket', 'https://bitbucket.example.com/team/repo'],
  ])('%s', (remote, kind, webUrl) => {
    const repo = links(remote);
    expect(repo.kind).toBe(kind);
    expect(repo.webUrl).toBe(webUrl);
  });

  it('a branch in the URL (…/tree/main, #main) still gives the repository home', () => {
    expect(links('https://github.com/acme/payments/tree/main/packages').webUrl).toBe('https://github.com/acme/payments');
    expect(links('https://github.com/acme/payments.git#main').webUrl).toBe('https://github.com/acme/payments');
    expect(links('https://github.com/acme/payments#main').fileUrl('a.ts', 'dev')).toBe('https://github.com/acme/payments/blob/dev/a.ts');
  });

  it('the configured repositoryUrl wins over the remote', () => {
    const repo = links('git@github.com:acme/mirror.git', 'https://gitlab.example.com/acme/payments');
    expect(repo.kind).toBe('gitlab');
    expect(repo.webUrl).toBe('https://gitlab.example.com/acme/payments');
  });

  it('no remote, a local path or a URL without a repository path gives no links', () => {
    expect(createRepoLinks()).toBeUndefined();
    for (const remote of ['/srv/git/repo.git', '../sibling', 'file:///srv/git/repo.git', 'https://github.com/', 'git@git.example.com:', 'not a url']) {
      expect(createRepoLinks(undefined, remote), remote).toBeUndefined();
    }
  });
});

describe('createRepoLinks: credentials never reach a link', () => {
  it.each([
    ['https://user:s3cr3t@github.com/org/repo.git', 's3cr3t', 'https://github.com/org/repo'],
    ['https://oauth2:tok@gitlab.example.com/g/r.git', 'tok', 'https://gitlab.example.com/g/r'],
    ['https://x-access-token:ghs_T0KEN@github.com/o/r.git', 'ghs_T0KEN', 'https://github.com/o/r'],
    ['https://gl-T0KEN@git.example.com/o/r.git', 'gl-T0KEN', 'https://git.example.com/o/r'],
    ['https://user:p%40ss@gitlab.com/g/r.git', 'p%40ss', 'https://gitlab.com/g/r'],
    ['https://user:s3cr3t@bitbucket.org/team/repo.git', 's3cr3t', 'https://bitbucket.org/team/repo'],
  ])('%s', (remote, secret, webUrl) => {
    const repo = links(remote);
    expect(repo.webUrl).toBe(webUrl);
    for (const url of allUrls(repo)) {
      expect(url).not.toContain(secret);
      expect(url).not.toContain('@');
      expect(url.startsWith(`${webUrl}`)).toBe(true);
    }
  });
});

describe('createRepoLinks: file, edit and commit URLs per host', () => {
  const sha = '0123456789abcdef0123456789abcdef01234567';

  it('GitHub', () => {
    const repo = links('git@github.com:acme/payments.git');
    expect(allUrls(repo)).toEqual([
      'https://github.com/acme/payments',
      'https://github.com/acme/payments/blob/main/src/index.ts',
      'https://github.com/acme/payments/blob/main/src/index.ts#L42',
      'https://github.com/acme/payments/edit/main/docs/intro.md',
      `https://github.com/acme/payments/commit/${sha}`,
    ]);
  });

  it('GitLab (subgroups, and the /-/ routes GitLab 16 requires)', () => {
    const repo = links('git@gitlab.com:group/subgroup/project.git');
    expect(allUrls(repo)).toEqual([
      'https://gitlab.com/group/subgroup/project',
      'https://gitlab.com/group/subgroup/project/-/blob/main/src/index.ts',
      'https://gitlab.com/group/subgroup/project/-/blob/main/src/index.ts#L42',
      'https://gitlab.com/group/subgroup/project/-/edit/main/docs/intro.md',
      `https://gitlab.com/group/subgroup/project/-/commit/${sha}`,
    ]);
  });

  it('Bitbucket', () => {
    const repo = links('git@bitbucket.org:team/repo.git');
    expect(allUrls(repo)).toEqual([
      'https://bitbucket.org/team/repo',
      'https://bitbucket.org/team/repo/src/main/src/index.ts',
      'https://bitbucket.org/team/repo/src/main/src/index.ts#lines-42',
      'https://bitbucket.org/team/repo/src/main/docs/intro.md?mode=edit',
      `https://bitbucket.org/team/repo/commits/${sha}`,
    ]);
  });

  it('self-hosted, from an scp-like remote', () => {
    expect(allUrls(links('git@git.example.com:org/repo.git'))).toEqual([
      'https://git.example.com/org/repo',
      'https://git.example.com/org/repo/blob/main/src/index.ts',
      'https://git.example.com/org/repo/blob/main/src/index.ts#L42',
      'https://git.example.com/org/repo/edit/main/docs/intro.md',
      `https://git.example.com/org/repo/commit/${sha}`,
    ]);
  });

  it('paths needing encoding: spaces, #, ?, % and non-ASCII, but slashes kept', () => {
    const repo = links('https://github.com/acme/payments.git');
    expect(repo.fileUrl('docs/my file #1?.md', 'main', 3)).toBe('https://github.com/acme/payments/blob/main/docs/my%20file%20%231%3F.md#L3');
    expect(repo.editUrl('docs/100%/caf\u00e9.md', 'main')).toBe('https://github.com/acme/payments/edit/main/docs/100%25/caf%C3%A9.md');
    const url = new URL(repo.fileUrl('a b/c#d.ts', 'main', 7));
    expect(decodeURIComponent(url.pathname)).toBe('/acme/payments/blob/main/a b/c#d.ts');
    expect(url.hash).toBe('#L7');
  });

  it('a ref with characters that would break the URL is encoded', () => {
    const repo = links('https://github.com/acme/payments.git');
    const url = new URL(repo.fileUrl('a.ts', 'release #2?x'));
    expect(url.hash).toBe('');
    expect(url.search).toBe('');
    expect(url.pathname).toBe('/acme/payments/blob/release%20%232%3Fx/a.ts');
  });

  it('line 0 or no line gives no anchor', () => {
    const repo = links('https://github.com/acme/payments.git');
    expect(repo.fileUrl('a.ts', 'main', 0)).toBe('https://github.com/acme/payments/blob/main/a.ts');
    expect(repo.fileUrl('a.ts', 'main')).toBe('https://github.com/acme/payments/blob/main/a.ts');
  });
});

describe('issueUrl', () => {
  it('names the issue or pull request of a `#123` on each host', () => {
    expect(createRepoLinks(undefined, 'git@github.com:acme/w.git')!.issueUrl(12)).toBe('https://github.com/acme/w/issues/12');
    expect(createRepoLinks(undefined, 'https://gitlab.com/acme/w.git')!.issueUrl(12)).toBe('https://gitlab.com/acme/w/-/issues/12');
    expect(createRepoLinks(undefined, 'https://bitbucket.org/acme/w.git')!.issueUrl(12)).toBe('https://bitbucket.org/acme/w/pull-requests/12');
  });
});
