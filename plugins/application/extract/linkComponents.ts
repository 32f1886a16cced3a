/**
 * Links components to each other: the tags a component's JSX uses become our components' ids
 * (through the file's imports and `export … from` barrels), and each component learns who renders it.
 */
import {ts} from 'ts-morph';
import type {ComponentModel} from '../model';
import type {FoundComponent} from './components';
import {resolveImport, type ParsedFile} from './syntax';
import type {ResolveComponent} from './usage';

const MAX_BARREL_DEPTH = 4;

export function createComponentResolver(found: readonly FoundComponent[], parsed: ReadonlyMap<string, ParsedFile>): ResolveComponent {
  const byFile = new Map<string, FoundComponent[]>();
  for (const component of found) byFile.set(component.file, [...(byFile.get(component.file) ?? []), component]);
  const files = new Set(parsed.keys());

  const exportedFrom = (file: string, name: string, depth: number): string | undefined => {
    const own = byFile.get(file) ?? [];
    const hit = name === 'default' ? own.find((c) => c.isDefault) : own.find((c) => c.name === name && c.exported && !c.isDefault) ?? own.find((c) => c.name === name);
    if (hit) return hit.id;
    const source = parsed.get(file)?.source;
    if (!source || depth >= MAX_BARREL_DEPTH) return undefined;
    // Barrels: `export {Button} from './Button'`, `export {default as Button} from …`, `export * from …`.
    for (const statement of source.statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const target = resolveImport(file, statement.moduleSpecifier.text, files);
      if (!target) continue;
      const clause = statement.exportClause;
      if (!clause) {
        const id = name === 'default' ? undefined : exportedFrom(target, name, depth + 1);
        if (id) return id;
      } else if (ts.isNamedExports(clause)) {
        const element = clause.elements.find((e) => e.name.text === name);
        if (element) return exportedFrom(target, (element.propertyName ?? element.name).text, depth + 1);
      }
    }
    return undefined;
  };

  return (fromFile, localName) => {
    const local = byFile.get(fromFile)?.find((c) => c.name === localName);
    if (local) return local.id;
    const imported = parsed.get(fromFile)?.imports.get(localName);
    const target = imported && resolveImport(fromFile, imported.specifier, files);
    return imported && target ? exportedFrom(target, imported.name, 0) : undefined;
  };
}

/** The components with `renders` and `renderedBy` filled in. */
export function linkComponents(found: readonly FoundComponent[], resolve: ResolveComponent): ComponentModel[] {
  const renderedBy = new Map<string, Set<string>>();
  const linked = found.map((component) => {
    const renders = component.tags.map((name) => {
      const id = resolve(component.file, name);
      if (id && id !== component.id) renderedBy.set(id, (renderedBy.get(id) ?? new Set()).add(component.id));
      return id && id !== component.id ? {name, id} : {name};
    });
    const {tags: _tags, isDefault: _isDefault, ...rest} = component;
    return {...rest, renders};
  });
  return linked.map((component) => ({...component, renderedBy: [...(renderedBy.get(component.id) ?? [])].sort()}));
}
