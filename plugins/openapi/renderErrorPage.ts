/**
 * The page a section gets when its description cannot be read: the same lines the build printed
 * (file:line: pointer: reason. fix), so a reader of the site knows what the author has to fix.
 */
import {code, heading, inlineCode, jsxFlow, paragraph} from '../core/mdx/build';
import {writeMdx} from '../core/mdx/writeMdx';

export function renderErrorPage(title: string, file: string, messages: string[]): string {
  return writeMdx({
    frontMatter: {
      title,
      sidebar_label: 'Overview',
      slug: '/',
      description: `The API description ${file} could not be read.`,
      custom_edit_url: null,
    },
    children: [
      heading(1, title),
      jsxFlow('Admonition', {type: 'danger', title: 'This API description could not be read'}, [
        paragraph('docs-architect could not build the reference of ', inlineCode(file), ':'),
        code(messages.join('\n'), 'text'),
        paragraph('The rest of the site was built. Fix the description and build again; a strict build (--strict) fails on this error.'),
      ]),
    ],
  });
}
