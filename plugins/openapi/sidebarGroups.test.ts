import {describe, expect, it} from 'vitest';
import {groupForSidebar, nameWords, pathWords, type GroupNode} from './sidebarGroups';

const options = {max: 4, min: 2};

const label = (x: string) => x;

/** A group tree as nested arrays: an item as itself, a group as `{label: [...]}`. */
function shape(node: GroupNode<string>): unknown[] {
  return node.entries.map((entry) => ('item' in entry ? entry.item : {[entry.label]: shape(entry.node)}));
}

function longest(node: GroupNode<string>): number {
  return Math.max(node.entries.length, ...node.entries.map((entry) => ('node' in entry ? longest(entry.node) : 0)));
}

function itemsOf(node: GroupNode<string>): string[] {
  return node.entries.flatMap((entry) => ('item' in entry ? [entry.item] : itemsOf(entry.node)));
}

describe('groupForSidebar', () => {
  it('leaves a short list alone', () => {
    expect(shape(groupForSidebar(['a', 'b', 'c'], (x) => [x], label, options))).toEqual(['a', 'b', 'c']);
  });

  it('groups by the first word that tells items apart, skipping words all items share', () => {
    const paths = ['/repos/{o}/{r}', '/repos/{o}/{r}/branches', '/repos/{o}/{r}/branches/{b}', '/repos/{o}/{r}/releases', '/repos/{o}/{r}/releases/{id}', '/repos/{o}/{r}/releases/latest'];
    expect(shape(groupForSidebar(paths, pathWords, label, options))).toEqual([
      '/repos/{o}/{r}',
      {Branches: ['/repos/{o}/{r}/branches', '/repos/{o}/{r}/branches/{b}']},
      {Releases: ['/repos/{o}/{r}/releases', '/repos/{o}/{r}/releases/{id}', '/repos/{o}/{r}/releases/latest']},
    ]);
  });

  it('keeps the items of a group too small to be one in the parent list', () => {
    const names = ['issue-created', 'issue-closed', 'label-created', 'ping', 'push'];
    expect(shape(groupForSidebar(names, nameWords, label, options))).toEqual(['label-created', 'ping', 'push', {Issue: ['issue-created', 'issue-closed']}]);
  });

  it('never leaves an open list longer than the maximum, however the words fall', () => {
    const names = Array.from({length: 200}, (_, i) => `item-${String.fromCharCode(97 + (i % 26))}${i}`);
    const tree = groupForSidebar(names, nameWords, label, {max: 10, min: 3});
    expect(longest(tree)).toBeLessThanOrEqual(10);
    expect(itemsOf(tree)).toEqual(names);
    expect(shape(tree).map((entry) => Object.keys(entry as object)[0])).toEqual(['Item-a0 – Item-v99', 'Item-w100 – Item-r199']);
  });

  it('puts loose items under "Other" when the groups alone fill the list', () => {
    const names = ['a-1', 'a-2', 'b-1', 'b-2', 'c-1', 'c-2', 'd-1', 'd-2', 'x', 'y'];
    expect(shape(groupForSidebar(names, nameWords, label, options))).toEqual([
      {'A – C': [{A: ['a-1', 'a-2']}, {B: ['b-1', 'b-2']}, {C: ['c-1', 'c-2']}]},
      {'D – D': [{D: ['d-1', 'd-2']}]},
      {Other: ['x', 'y']},
    ]);
  });
});

describe('words', () => {
  it('pathWords keeps the literal segments', () => {
    expect(pathWords('/repos/{owner}/{repo}/git/refs/{ref}')).toEqual(['repos', 'git', 'refs']);
  });

  it('nameWords splits dashes, underscores, dots and camel case', () => {
    expect(nameWords('webhook-issue_comment.created')).toEqual(['webhook', 'issue', 'comment', 'created']);
    expect(nameWords('IssueComment')).toEqual(['issue', 'comment']);
  });
});
