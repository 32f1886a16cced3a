/**
 * One declaration's facts from its syntax: signatures, type parameters, members, types as written.
 * No type checker: where the code writes no type, only what the syntax makes evident is recorded
 * (see docs/adr/0015). JavaScript files get their types from JSDoc (`@param {T}`, `@returns {T}`).
 */
import {ts} from 'ts-morph';
import type {ParameterModel, SignatureModel, TypeParameterModel, TypeText} from '../model';
import type {DeclFacts, MemberFacts} from './facts';
import {parseDocComment, type ParsedDoc} from './jsdoc';
import {typeText} from './typeText';
import {declaredName, literalText, valueText} from './valueText';

/** A lone signature's comment is its declaration's: kept once, on the declaration. */
export function single(signatures: SignatureModel[]): SignatureModel[] {
  if (signatures.length === 1) delete signatures[0]!.doc;
  return signatures;
}

function optionalType(type: TypeText | undefined): {type?: TypeText} {
  return type ? {type} : {};
}

export class DeclarationReader {
  constructor(readonly sourceFile: ts.SourceFile) {}

  line(node: ts.Node): number {
    return this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1;
  }

  type(node: ts.Node | undefined): TypeText | undefined {
    return typeText(node, this.sourceFile);
  }

  private readonly docs = new Map<ts.Node, ParsedDoc | undefined>();

  /** The doc comment nearest the declaration (a variable's is on its statement). Parsed once per node. */
  doc(node: ts.Node): ParsedDoc | undefined {
    if (this.docs.has(node)) return this.docs.get(node);
    const parsed = this.readDoc(node);
    this.docs.set(node, parsed);
    return parsed;
  }

  private readDoc(node: ts.Node): ParsedDoc | undefined {
    const comments = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
    const last = comments.at(-1);
    if (!last) return undefined;
    return parseDocComment(this.sourceFile.text.slice(last.getStart(this.sourceFile), last.end));
  }

  typeParameters(node: ts.Node, doc?: ParsedDoc): TypeParameterModel[] | undefined {
    const params = ts.getEffectiveTypeParameterDeclarations(node as ts.DeclarationWithTypeParameters);
    if (params.length === 0) return undefined;
    return params.map((param) => ({
      name: param.name.text,
      ...(param.constraint ? {constraint: this.type(param.constraint)} : {}),
      ...(param.default ? {default: this.type(param.default)} : {}),
      ...(doc?.typeParams.get(param.name.text) ? {doc: doc.typeParams.get(param.name.text)} : {}),
    }));
  }

  signature(node: ts.SignatureDeclaration, inherited?: ParsedDoc): SignatureModel {
    const own = this.doc(node);
    const doc = own?.doc || own?.params.size ? own : inherited;
    const parameters = node.parameters.map((param): ParameterModel => {
      const name = ts.isIdentifier(param.name) ? param.name.text : param.name.getText(this.sourceFile).replace(/\s+/g, ' ');
      const jsDocType = ts.getJSDocType(param);
      const isOptionalJsDoc = jsDocType?.kind === ts.SyntaxKind.JSDocOptionalType;
      const model: ParameterModel = {name};
      const type = this.type(param.type ?? jsDocType) ?? this.evidentType(undefined, param.initializer, false, param);
      if (type) model.type = type;
      if (param.questionToken || param.initializer || isOptionalJsDoc) model.optional = true;
      if (param.dotDotDotToken) model.rest = true;
      const value = valueText(param.initializer, this.sourceFile, [name]);
      if (value) model.defaultValue = value;
      const description = doc?.params.get(name);
      if (description) model.doc = description;
      return model;
    });
    const returns = this.type(node.type ?? ts.getJSDocReturnType(node));
    const typeParameters = this.typeParameters(node, doc);
    return {
      ...(typeParameters ? {typeParameters} : {}),
      parameters,
      ...(returns ? {returns} : {}),
      line: this.line(node),
      ...(doc?.doc && doc !== inherited ? {doc: doc.doc} : {}),
    };
  }

  /** Overloads when there are any (the implementation's signature is not callable), else the implementation. */
  signatures(declarations: readonly ts.SignatureDeclaration[], doc?: ParsedDoc): SignatureModel[] {
    const overloads = declarations.filter((decl) => !('body' in decl) || decl.body === undefined);
    const shown = overloads.length > 0 && overloads.length < declarations.length ? overloads : declarations;
    return single(shown.map((decl) => this.signature(decl, doc)));
  }

  decorators(node: ts.Node): string[] | undefined {
    const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
    if (!decorators?.length) return undefined;
    return decorators.map((decorator) => {
      const expression = decorator.expression;
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      return `@${callee.getText(this.sourceFile).replace(/\s+/g, '')}${ts.isCallExpression(expression) ? '()' : ''}`;
    });
  }

  /** A variable's or property's type: as written, else what its initializer makes evident. */
  evidentType(annotation: ts.TypeNode | undefined, initializer: ts.Expression | undefined, isConst: boolean, node: ts.Node): TypeText | undefined {
    const written = annotation ?? ts.getJSDocType(node);
    if (written) return this.type(written);
    if (!initializer) return undefined;
    let expression = initializer;
    while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
    if (ts.isAsExpression(expression) || ts.isTypeAssertionExpression(expression) || ts.isSatisfiesExpression(expression)) {
      if (ts.isConstTypeReference(expression.type)) return undefined;
      return this.type(expression.type);
    }
    if (ts.isNewExpression(expression) && (ts.isIdentifier(expression.expression) || ts.isPropertyAccessExpression(expression.expression))) {
      const args = expression.typeArguments?.map((arg) => this.type(arg) ?? []);
      const base: TypeText = [{name: expression.expression.getText(this.sourceFile)}];
      if (!args) return base;
      return [...base, '<', ...args.flatMap((arg, i) => (i > 0 ? [', ', ...arg] : arg)), '>'];
    }
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return [isConst ? literalText(expression, declaredName(node)) : 'string'];
    if (ts.isTemplateExpression(expression)) return ['string'];
    if (ts.isNumericLiteral(expression)) return [isConst ? expression.text : 'number'];
    if (ts.isBigIntLiteral(expression)) return [isConst ? expression.text : 'bigint'];
    if (expression.kind === ts.SyntaxKind.TrueKeyword || expression.kind === ts.SyntaxKind.FalseKeyword) {
      return [isConst ? expression.getText(this.sourceFile) : 'boolean'];
    }
    if (ts.isRegularExpressionLiteral(expression)) return ['RegExp'];
    return undefined;
  }

  classMembers(node: ts.ClassLikeDeclaration): MemberFacts[] {
    const members: MemberFacts[] = [];
    const groups = new Map<string, ts.ClassElement[]>();
    for (const member of node.members) {
      if (ts.isSemicolonClassElement(member) || ts.isClassStaticBlockDeclaration(member)) continue;
      const isStatic = ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static ? 'static ' : '';
      const key = ts.isConstructorDeclaration(member) ? 'constructor' : `${isStatic}${this.memberName(member)}`;
      groups.set(key, [...(groups.get(key) ?? []), member]);
    }
    for (const group of groups.values()) {
      const first = group[0]!;
      const flags = ts.getCombinedModifierFlags(first as ts.Declaration);
      const parsed = group.map((member) => this.doc(member)).find((doc) => doc?.doc);
      const base: MemberFacts = {
        name: ts.isConstructorDeclaration(first) ? 'constructor' : this.memberName(first),
        kind: 'property',
        line: this.line(first),
        ...(flags & ts.ModifierFlags.Static ? {static: true} : {}),
        ...(flags & ts.ModifierFlags.Protected ? {visibility: 'protected' as const} : {}),
        ...(flags & ts.ModifierFlags.Private || (first.name && ts.isPrivateIdentifier(first.name)) ? {private: true} : {}),
        ...(flags & ts.ModifierFlags.Abstract ? {abstract: true} : {}),
        ...(flags & ts.ModifierFlags.Readonly ? {readonly: true} : {}),
        ...(group.some((member) => this.doc(member)?.internal) ? {internal: true} : {}),
        ...(parsed?.doc ? {doc: parsed.doc} : {}),
      };
      const decorators = this.decorators(first);
      if (decorators) base.decorators = decorators;
      if (ts.isConstructorDeclaration(first)) {
        members.push({...base, kind: 'constructor', signatures: this.signatures(group as ts.ConstructorDeclaration[], parsed)});
        members.push(...this.parameterProperties(group as ts.ConstructorDeclaration[]));
      } else if (ts.isMethodDeclaration(first)) {
        members.push({...base, kind: 'method', ...(first.questionToken ? {optional: true} : {}), signatures: this.signatures(group as ts.MethodDeclaration[], parsed)});
      } else if (ts.isGetAccessorDeclaration(first) || ts.isSetAccessorDeclaration(first)) {
        members.push({...base, kind: 'accessor', ...this.accessor(group as ts.AccessorDeclaration[])});
      } else if (ts.isPropertyDeclaration(first)) {
        const isFunction = first.initializer && (ts.isArrowFunction(first.initializer) || ts.isFunctionExpression(first.initializer));
        if (isFunction && !first.type) {
          members.push({...base, kind: 'method', signatures: single([this.signature(first.initializer as ts.ArrowFunction, parsed)])});
        } else {
          const type = this.evidentType(first.type, first.initializer, Boolean(flags & ts.ModifierFlags.Readonly), first);
          const value = type ? undefined : valueText(first.initializer, this.sourceFile, declaredName(first));
          members.push({...base, ...(first.questionToken ? {optional: true} : {}), ...(type ? {type} : {}), ...(value ? {value} : {})});
        }
      } else if (ts.isIndexSignatureDeclaration(first)) {
        members.push({...base, name: '[index]', kind: 'index', signatures: single([this.signature(first, parsed)])});
      }
    }
    return members;
  }

  private parameterProperties(constructors: readonly ts.ConstructorDeclaration[]): MemberFacts[] {
    const implementation = constructors.find((ctor) => ctor.body) ?? constructors[0]!;
    return implementation.parameters
      .filter((param) => ts.isParameterPropertyDeclaration(param, implementation) && ts.isIdentifier(param.name))
      .map((param) => {
        const flags = ts.getCombinedModifierFlags(param);
        return {
          name: (param.name as ts.Identifier).text,
          kind: 'property' as const,
          line: this.line(param),
          ...(flags & ts.ModifierFlags.Protected ? {visibility: 'protected' as const} : {}),
          ...(flags & ts.ModifierFlags.Private ? {private: true} : {}),
          ...(flags & ts.ModifierFlags.Readonly ? {readonly: true} : {}),
          ...optionalType(this.evidentType(param.type, param.initializer, false, param)),
        };
      });
  }

  private accessor(group: readonly ts.AccessorDeclaration[]): Pick<MemberFacts, 'accessor' | 'type'> {
    const getter = group.find(ts.isGetAccessorDeclaration);
    const setter = group.find(ts.isSetAccessorDeclaration);
    const type = this.type(getter?.type ?? setter?.parameters[0]?.type ?? (getter ? ts.getJSDocReturnType(getter) : undefined));
    return {accessor: {...(getter ? {get: true} : {}), ...(setter ? {set: true} : {})}, ...(type ? {type} : {})};
  }

  typeMembers(members: readonly ts.TypeElement[]): MemberFacts[] {
    const out: MemberFacts[] = [];
    const methods = new Map<string, ts.MethodSignature[]>();
    for (const member of members) {
      const parsed = this.doc(member);
      const base = {
        line: this.line(member),
        ...(parsed?.internal ? {internal: true} : {}),
        ...(parsed?.doc ? {doc: parsed.doc} : {}),
        ...(member.questionToken ? {optional: true} : {}),
      };
      if (ts.isMethodSignature(member)) {
        const name = this.memberName(member);
        const existing = methods.get(name);
        if (existing) {
          existing.push(member);
          continue;
        }
        methods.set(name, [member]);
        out.push({...base, name, kind: 'method', signatures: []});
      } else if (ts.isPropertySignature(member)) {
        const readonly = member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ReadonlyKeyword);
        const type = this.type(member.type);
        out.push({...base, name: this.memberName(member), kind: 'property', ...(readonly ? {readonly: true} : {}), ...(type ? {type} : {})});
      } else if (ts.isCallSignatureDeclaration(member)) {
        out.push({...base, name: '(call)', kind: 'call', signatures: single([this.signature(member, parsed)])});
      } else if (ts.isConstructSignatureDeclaration(member)) {
        out.push({...base, name: '(new)', kind: 'construct', signatures: single([this.signature(member, parsed)])});
      } else if (ts.isIndexSignatureDeclaration(member)) {
        out.push({...base, name: '[index]', kind: 'index', signatures: single([this.signature(member, parsed)])});
      } else if (ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
        out.push({...base, name: this.memberName(member), kind: 'accessor', ...this.accessor([member])});
      }
    }
    // Overloaded method signatures become one member with several signatures.
    for (const member of out) {
      if (member.kind === 'method') member.signatures = single(methods.get(member.name)!.map((sig) => this.signature(sig, this.doc(sig))));
    }
    // Several members of one kind may share a name ('(call)'): later ones are numbered to stay unique.
    const seen = new Map<string, number>();
    for (const member of out) {
      const count = (seen.get(member.name) ?? 0) + 1;
      seen.set(member.name, count);
      if (count > 1) member.name = `${member.name} ${count}`;
    }
    return out;
  }

  memberName(member: ts.ClassElement | ts.TypeElement): string {
    const name = member.name;
    if (!name) return '(anonymous)';
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
    if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
    return name.getText(this.sourceFile).replace(/\s+/g, '');
  }

  /** Fields every declaration has. */
  base(name: string, kind: DeclFacts['kind'], scope: string, node: ts.Node, parsed: ParsedDoc | undefined): DeclFacts {
    return {
      name,
      kind,
      scope,
      line: this.line(node),
      ...(parsed?.doc ? {doc: parsed.doc} : {}),
      ...(parsed?.internal ? {internal: true} : {}),
      ...(parsed?.category ? {category: parsed.category} : {}),
    };
  }
}
