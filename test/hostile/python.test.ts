/**
 * Hostile Python: docstrings, defaults and decorators full of markup, JSX, MDX statements and
 * `javascript:` links are shown as text on the page; a file that is not Python (Python 2, binary
 * junk, a huge generated module) is a warning, and the rest of the package is documented.
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {contextFor, tempDir} from '../codeReferenceTargets';
import {compileLikeDocusaurus} from '../compileLikeDocusaurus';
import {generateCodeReference, type GenerateResult} from '../../plugins/code-reference/generator';
import type {TargetContext} from '../../plugins/core/types';
import {MAX_FILE_BYTES} from '../../plugins/python/extractPython';

const HOSTILE = `"""Module <script>alert('module')</script> {process.env.SECRET}."""


def script_tag(value: str = "</div><script>alert(1)</script>") -> None:
    """Runs <script>alert(1)</script> and </div> then {props.x} and {{ jinja }}.

    import os from 'os'
    export const x = 1

    Ends with a \`backtick and \`\`double\`\` and <img src=x onerror=alert(1)>.
    A [link](javascript:alert(1)) and <a href="javascript:alert(2)">anchor</a>.

    Args:
        value: A {value} with </p> and \`\`\`fences\`\`\` inside.

    Examples:
        >>> print("<script>alert(3)</script>")
        \`\`\`
    """


@decorate("{x}", key="<b>")
class Braces:
    """A class with {braces} in its docstring: {{ and }}."""

    field: "dict[str, {int}]" = {"a": "{b}"}
`;

const PYTHON2 = `print "hello"

def old(x):
    exec "x = 1"
    return x
`;

let target: string;
let context: TargetContext;
let result: GenerateResult;
const dirs: string[] = [];

beforeAll(async () => {
  target = tempDir('python-hostile');
  dirs.push(target);
  const pkg = path.join(target, 'evil');
  fs.mkdirSync(pkg, {recursive: true});
  fs.writeFileSync(path.join(pkg, '__init__.py'), '');
  fs.writeFileSync(path.join(pkg, 'hostile.py'), HOSTILE);
  fs.writeFileSync(path.join(pkg, 'legacy.py'), PYTHON2);
  fs.writeFileSync(path.join(pkg, 'junk.py'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x7b, 0x3c, 0x0a]));
  fs.writeFileSync(path.join(pkg, 'generated_pb2.py'), `X = 1\n${'# padding\n'.repeat(MAX_FILE_BYTES / 10 + 10)}`);
  fs.writeFileSync(path.join(pkg, 'notebook.ipynb'), '{"cells": []}');
  fs.writeFileSync(path.join(pkg, 'fast.pyx'), 'cdef int x = 1\n');
  const site = tempDir('python-hostile-site');
  dirs.push(site);
  context = await contextFor(target, site);
  result = (await generateCodeReference(context, {cache: false}))!;
});
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

describe('hostile Python', () => {
  it('documents the package and warns about each bad file with its path (and line where there is one)', () => {
    const warnings = context.report.warnings.map((warning) => `${warning.details?.file}:${warning.details?.line === undefined ? '-' : 'line'} ${warning.message.split(':')[0]}`).sort();
    expect(warnings).toEqual([
      'evil/generated_pb2.py:- evil/generated_pb2.py is 1000 kB, larger than 1000 kB',
      'evil/junk.py:line syntax error in evil/junk.py',
      'evil/legacy.py:line syntax error in evil/legacy.py',
    ]);
    // Notebooks and Cython are not read at all; the generated module has no page.
    expect([...result.files.keys()].sort()).toEqual(['evil.hostile.mdx', 'evil.junk.mdx', 'evil.legacy.mdx', 'evil.mdx', 'index.mdx']);
  });

  it('shows markup, JSX and MDX statements in docstrings, defaults and decorators as text', async () => {
    const page = result.files.get('evil.hostile.mdx')!;
    // Outside the JSON props of the theme's components (where any character is a string) and code blocks, nothing is markup.
    // (Front matter values are YAML strings, code spans and blocks are code.)
    const prose = page.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^<Api\w+ [^\n]*\/>$/gm, '').replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '').replace(/`[^`\n]*`/g, '');
    expect(prose).not.toMatch(/(?<!\\)<(script|img|a |\/div|\/p)/);
    expect(prose).not.toMatch(/^(import|export) /m);
    expect(prose).not.toMatch(/(?<!\\)\{(props|process|value|braces|int)/);
    expect(page).not.toMatch(/\]\(javascript:|(?<!\\)<a href="javascript/);
    // The text is still there, escaped: readers see what the author wrote.
    expect(page).toContain('Runs \\<script>alert(1)\\</script> and \\</div> then \\{props.x}');
    expect(page).toMatch(/^(`{3,})python\n>>> print\("<script>alert\(3\)<\/script>"\)\n```\n\1$/m);
    // Signatures are JSON props: any character is safe there.
    expect(page).toContain('<ApiSignature code={["def script_tag(value: str = \\"</div><script>alert(1)</script>\\") -> None"]} />');
    const html = await compileLikeDocusaurus(page);
    expect(html.length).toBeGreaterThan(0);
  }, 60_000);

  it('compiles every page', async () => {
    const pages = [...result.files.values()];
    expect(pages).toHaveLength(5);
    for (const page of pages) await compileLikeDocusaurus(page);
  }, 60_000);
});
