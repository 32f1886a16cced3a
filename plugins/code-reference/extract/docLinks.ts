/**
 * Images and links in doc comments that point into the repository (`![flow](./flow.png)`,
 * `[see](../docs/x.md)`): the site does not carry the target's files, so they become their text (see
 * core/mdx/targetLinks.ts), and those naming a file the repository does not have are warnings with the
 * file and line of the declaration. Done on the linked model, not on the cached facts of a file, so
 * the warnings are printed on every build and follow files that appear or go.
 */
import path from 'node:path';
import {checkTargetLinks, describeTargetLinkProblem} from '../../core/mdx/targetLinks';
import type {Report} from '../../core/report';
import type {CodeReferenceModel, DocModel, MemberModel, SignatureModel} from '../model';

interface Where {
  file: string;
  line: number;
  name: string;
}

/** Copy on write: the model shares objects with the cached facts of each file, which must stay as read. */
function changed<T extends object>(value: T, update: Partial<T>): T {
  const keys = Object.keys(update) as (keyof T)[];
  return keys.some((key) => update[key] !== value[key]) ? {...value, ...update} : value;
}

export function checkDocLinks(model: CodeReferenceModel, options: {root: string; files: ReadonlySet<string>; report: Report}): CodeReferenceModel {
  const exists = (file: string) => options.files.has(file);
  const text = <T extends string | undefined>(markdown: T, where: Where): T => {
    if (!markdown) return markdown;
    const checked = checkTargetLinks(markdown, {source: where.file, exists});
    for (const problem of checked.problems) {
      options.report.warn(`doc comment of ${where.name}: ${describeTargetLinkProblem(problem)}`, {
        file: path.join(options.root, where.file),
        line: where.line,
        fix: 'Link to a web address, or to a file the repository has',
      });
    }
    return checked.markdown as T;
  };
  const list = <T>(values: T[] | undefined, each: (value: T) => T): T[] | undefined => {
    if (!values) return values;
    const out = values.map(each);
    return out.some((value, index) => value !== values[index]) ? out : values;
  };
  const doc = (value: DocModel | undefined, where: Where): DocModel | undefined => {
    if (!value) return value;
    return changed(value, {
      summary: text(value.summary, where),
      remarks: text(value.remarks, where),
      returns: text(value.returns, where),
      deprecated: typeof value.deprecated === 'string' ? text(value.deprecated, where) : value.deprecated,
      throws: list(value.throws, (entry) => text(entry, where)),
      see: list(value.see, (entry) => text(entry, where)),
    });
  };
  const param = <T extends {doc?: string}>(value: T, where: Where): T => changed(value, {doc: text(value.doc, where)} as Partial<T>);
  const signature = (value: SignatureModel, where: Where): SignatureModel =>
    changed(value, {
      doc: doc(value.doc, {...where, line: value.line}),
      parameters: list(value.parameters, (entry) => param(entry, where))!,
      typeParameters: list(value.typeParameters, (entry) => param(entry, where)),
    });
  const member = (value: MemberModel, where: Where): MemberModel => {
    const at = {...where, line: value.line, name: `${where.name}.${value.name}`};
    return changed(value, {doc: doc(value.doc, at), signatures: list(value.signatures, (entry) => signature(entry, at))});
  };
  return {
    ...model,
    symbols: model.symbols.map((symbol) => {
      const where = {file: symbol.file, line: symbol.line, name: symbol.name};
      return changed(symbol, {
        doc: doc(symbol.doc, where),
        signatures: list(symbol.signatures, (entry) => signature(entry, where)),
        typeParameters: list(symbol.typeParameters, (entry) => param(entry, where)),
        members: list(symbol.members, (entry) => member(entry, where)),
      });
    }),
    containers: model.containers.map((container) =>
      container.file ? changed(container, {doc: doc(container.doc, {file: container.file, line: 1, name: container.name})}) : container,
    ),
  };
}
