import {describe, expect, it} from 'vitest';
import {checkTargetLinks, targetPath} from './targetLinks';

const has = (...files: string[]) => (file: string) => files.includes(file);

describe('targetPath', () => {
  it.each([
    ['../flow.png', 'api/openapi.yaml', 'flow.png'],
    ['./img/a b.png?x=1#top', 'api/openapi.yaml', 'api/img/a b.png'],
    ['img/a%20b.png', 'api/openapi.yaml', 'api/img/a b.png'],
    ['/assets/x.png', 'api/openapi.yaml', 'assets/x.png'],
    ['../../etc/passwd', 'api/openapi.yaml', undefined],
    ['/../../etc/passwd', 'api/openapi.yaml', undefined],
  ])('%s from %s is %s', (url, source, expected) => {
    expect(targetPath(url, source)).toBe(expected);
  });
});

describe('checkTargetLinks', () => {
  it('turns images and links into the repository into their text, and reports the missing ones by line', () => {
    const markdown = 'Intro.\n\n![flow *chart*](../flow.png) and [the **guide**](./guide.md).\n\n![ok](./ok.png) [site](/docs/x) [web](https://x.y/a.png) [top](#top) ![data](data:image/png;base64,AAAA)\n';
    const result = checkTargetLinks(markdown, {source: 'api/spec.yaml', exists: has('api/ok.png')});
    expect(result.markdown).toBe('Intro.\n\nflow chart and the **guide**.\n\nok [site](/docs/x) [web](https://x.y/a.png) [top](#top) ![data](data:image/png;base64,AAAA)\n');
    expect(result.problems).toEqual([
      {kind: 'image', url: '../flow.png', path: 'flow.png', line: 3},
      {kind: 'link', url: './guide.md', path: 'api/guide.md', line: 3},
    ]);
    expect(result.referenced).toEqual(['api/guide.md', 'api/ok.png', 'flow.png']);
  });

  it('reports a path out of the target without naming a file, and leaves text without links alone', () => {
    expect(checkTargetLinks('![x](../../../secret.png)', {source: 'a.yaml', exists: () => true}).problems).toEqual([{kind: 'image', url: '../../../secret.png', line: 1}]);
    const plain = 'No links here: a [bracket] and (parens).';
    expect(checkTargetLinks(plain, {source: 'a.yaml', exists: () => false})).toEqual({markdown: plain, problems: [], referenced: []});
  });
});
