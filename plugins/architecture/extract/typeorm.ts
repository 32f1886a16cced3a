/**
 * TypeORM entities to entities, from the decorators as TypeScript's parser reads them (syntax only:
 * the target's code is never run or type-checked). A class with `@Entity` is an entity; `@Column`
 * and the primary and date columns are columns; `@OneToMany`, `@ManyToOne`, `@OneToOne` and
 * `@ManyToMany` are relations to the class their first argument returns.
 */
import {ts} from 'ts-morph';
import type {ColumnModel, EntityModel, EntityRelationModel} from '../model';

const COLUMNS = new Set(['Column', 'PrimaryColumn', 'PrimaryGeneratedColumn', 'CreateDateColumn', 'UpdateDateColumn', 'DeleteDateColumn', 'VersionColumn', 'ObjectIdColumn']);
const RELATIONS: Record<string, EntityRelationModel['cardinality']> = {OneToMany: 'one-to-many', ManyToOne: 'many-to-one', OneToOne: 'one-to-one', ManyToMany: 'many-to-many'};

/** Quick test before parsing: only files that mention the decorator are read. */
export const TYPEORM_FILE = /@Entity\s*\(/;

export function readTypeorm(file: string, text: string): EntityModel[] {
  if (!TYPEORM_FILE.test(text)) return [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const entities: EntityModel[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const entity = decorators(statement).find((d) => d.name === 'Entity');
    if (!entity) continue;
    const columns: ColumnModel[] = [];
    const relations: EntityRelationModel[] = [];
    for (const member of statement.members) {
      if (!ts.isPropertyDeclaration(member) || !member.name) continue;
      const name = member.name.getText(source);
      for (const decorator of decorators(member)) {
        if (COLUMNS.has(decorator.name)) {
          const options = decorator.args.find(ts.isObjectLiteralExpression);
          const typeArg = decorator.args.find(ts.isStringLiteral)?.text;
          const option = (key: string) => options?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText(source) === key)?.initializer;
          const typeOption = option('type');
          columns.push({
            name,
            type: typeArg ?? (typeOption ? typeOption.getText(source).replace(/^['"`]|['"`]$/g, '') : (member.type?.getText(source) ?? 'unknown')),
            nullable: option('nullable')?.kind === ts.SyntaxKind.TrueKeyword || Boolean(member.questionToken),
            ...(option('default') ? {default: option('default')!.getText(source)} : decorator.name === 'PrimaryGeneratedColumn' ? {default: 'generated'} : {}),
            ...(decorator.name.startsWith('Primary') || decorator.name === 'ObjectIdColumn' ? {primaryKey: true} : {}),
            ...(option('unique')?.kind === ts.SyntaxKind.TrueKeyword ? {unique: true} : {}),
          });
        }
        const cardinality = RELATIONS[decorator.name];
        const target = decorator.args[0];
        if (cardinality && target && ts.isArrowFunction(target)) relations.push({field: name, to: target.body.getText(source), cardinality});
      }
    }
    const table = entity.args.find(ts.isStringLiteral)?.text;
    entities.push({
      key: statement.name.text.toLowerCase(),
      name: statement.name.text,
      origin: table && table !== statement.name.text ? `typeorm (table ${table})` : 'typeorm',
      columns,
      indexes: decorators(statement).filter((d) => d.name === 'Index' || d.name === 'Unique').map((d) => `@${d.name}(${d.args.map((a) => a.getText(source)).join(', ')})`),
      relations,
      source: {file, line: line(statement)},
    });
  }
  return entities;
}

function decorators(node: ts.HasDecorators): {name: string; args: ts.Expression[]}[] {
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression)) return [{name: call.expression.text, args: [...call.arguments]}];
    if (ts.isIdentifier(call)) return [{name: call.text, args: []}];
    return [];
  });
}
