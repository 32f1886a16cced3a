/**
 * The writer's faster escaping only skips work: for any text, URL or title, in any position, its
 * output is the default serialiser's, byte for byte.
 */
import type {PhrasingContent, RootContent} from 'mdast';
import {toMarkdown} from 'mdast-util-to-markdown';
import {describe, expect, it} from 'vitest';
import {emphasis, heading, inlineCode, link, list, paragraph, strong, table, text} from './build';
import {toMarkdownOptions} from './writeMdx';

const HOSTILE = [
  'plain words',
  '{x} <div> </div> <br/> &amp; &#123;',
  '* - + 1. 1) # ## > | ~~~ ``` ___ *** ---',
  'a_b_c __init__ *not* **bold** `tick`',
  'import x from "y"\nexport const z = 1',
  '::: note\n:::tip\n::leaf',
  'http://example.com www.example.com a@b.io',
  'back\\slash \\* \\{ \\',
  '[link](url) ![img](x.png) [ref][1] [^note]',
  'trailing space  \nline two\r\nthree\ttab',
  '! " # $ % & \' ( ) * + , - . / : ; < = > ? @ [ \\ ] ^ _ ` { | } ~',
  '1986. A great season',
  '   leading spaces',
  '',
];

function both(children: RootContent[]) {
  const tree = {type: 'root' as const, children};
  return [toMarkdown(tree, {...toMarkdownOptions, handlers: {}}), toMarkdown(tree, toMarkdownOptions)];
}

describe('the faster escaping', () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value).slice(0, 40), value]))('%s gives the default output everywhere', (_, value) => {
    const inline = (): PhrasingContent[] => [
      text(value),
      strong(value),
      emphasis(text(value), inlineCode('c')),
      link('https://x.io', value),
      link(`./${value}`, inlineCode(value)),
      text(value),
    ];
    const [slow, fast] = both([
      paragraph(...inline()),
      heading(2, value, strong(value)),
      list([inline(), [text(value)]]),
      table([value, 'b'], [[value, strong(value)]]),
    ]);
    expect(fast).toBe(slow);
  });
});
