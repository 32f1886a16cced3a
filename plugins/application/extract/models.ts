/**
 * The app's data models: interfaces, object type aliases, classes and enums declared in a folder
 * named for models (`models/`, `entities/`, `domain/`; not `schema/`, which libraries use for
 * validation code), and classes decorated as ORM entities
 * (`@Entity`, `@Schema`, `@Table`) wherever they are.
 */
import path from 'node:path';
import {ts} from 'ts-morph';
import type {DataModel} from '../model';
import type {TypeLookup} from './typeDeclarations';
import {calleeName, docOf, hasModifier, lineOf, textOf, type ParsedFile} from './syntax';

export const MODEL_FOLDER = /(^|\/)(models?|entities|entity|domain)\//i;
const ENTITY_DECORATORS = new Set(['Entity', 'Schema', 'Table', 'ObjectType', 'model']);

/** Most fields shown per model: a generated model can have hundreds. */
const MAX_FIELDS = 60;

function isEntity(node: ts.ClassDeclaration): boolean {
  const list = ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : [];
  return list.some((d) => ts.isCallExpression(d.expression) && ENTITY_DECORATORS.has(calleeName(d.expression.expression) ?? ''));
}

export function findModels(parsed: ParsedFile, types: TypeLookup): DataModel[] {
  const inFolder = MODEL_FOLDER.test(parsed.file);
  const group = path.posix.dirname(parsed.file);
  const models: DataModel[] = [];
  for (const statement of parsed.source.statements) {
    const base = (name: string, kind: DataModel['kind']) => ({id: `${parsed.file}#${name}`, name, kind, group, file: parsed.file, line: lineOf(statement), ...(docOf(statement) ? {description: docOf(statement)} : {})});
    if (ts.isClassDeclaration(statement) && statement.name && (inFolder || isEntity(statement))) {
      models.push({...base(statement.name.text, 'class'), fields: classFields(statement), extends: heritage(statement.heritageClauses)});
    } else if (!inFolder) {
      continue;
    } else if (ts.isInterfaceDeclaration(statement)) {
      const fields = statement.members.flatMap((member) => (ts.isPropertySignature(member) && member.name && !ts.isComputedPropertyName(member.name) ? [{name: member.name.text, type: member.type ? textOf(member.type) : 'any', optional: member.questionToken !== undefined}] : []));
      models.push({...base(statement.name.text, 'interface'), fields: fields.slice(0, MAX_FIELDS), extends: heritage(statement.heritageClauses)});
    } else if (ts.isTypeAliasDeclaration(statement) && (ts.isTypeLiteralNode(statement.type) || ts.isIntersectionTypeNode(statement.type))) {
      const unresolved: string[] = [];
      const fields = types.members(parsed.file, statement.type, unresolved).map((member) => ({name: member.name, type: member.type, optional: member.optional}));
      models.push({...base(statement.name.text, 'type'), fields: fields.slice(0, MAX_FIELDS), extends: unresolved.map((name) => name.replace(/<.*$/s, ''))});
    } else if (ts.isEnumDeclaration(statement)) {
      const fields = statement.members.map((member) => ({name: textOf(member.name), type: member.initializer ? textOf(member.initializer) : '', optional: false}));
      models.push({...base(statement.name.text, 'enum'), fields: fields.slice(0, MAX_FIELDS), extends: []});
    }
  }
  return models;
}

function heritage(clauses: ts.NodeArray<ts.HeritageClause> | undefined): string[] {
  return (clauses ?? []).flatMap((clause) => clause.types.map((type) => textOf(type.expression)));
}

function classFields(node: ts.ClassDeclaration): DataModel['fields'] {
  const fields: DataModel['fields'] = [];
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && !hasModifier(member, ts.SyntaxKind.StaticKeyword) && !ts.isComputedPropertyName(member.name) && !ts.isPrivateIdentifier(member.name)) {
      fields.push({name: member.name.text, type: member.type ? textOf(member.type) : '', optional: member.questionToken !== undefined});
    }
    // Constructor parameter properties (`constructor(public name: string)`) are fields too.
    if (ts.isConstructorDeclaration(member)) {
      for (const param of member.parameters) {
        const isProperty = ts.canHaveModifiers(param) && (ts.getModifiers(param) ?? []).some((m) => [ts.SyntaxKind.PublicKeyword, ts.SyntaxKind.ProtectedKeyword, ts.SyntaxKind.ReadonlyKeyword, ts.SyntaxKind.PrivateKeyword].includes(m.kind));
        if (isProperty && ts.isIdentifier(param.name)) fields.push({name: param.name.text, type: param.type ? textOf(param.type) : '', optional: param.questionToken !== undefined});
      }
    }
  }
  return fields.slice(0, MAX_FIELDS);
}
