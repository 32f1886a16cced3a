/**
 * Vue and Svelte single-file components, read cheaply: the `<script>` blocks are parsed in place
 * (everything else blanked, so lines stay true) and the template's PascalCase tags are what it
 * renders. Props come from `defineProps<T>()` / `defineProps({…})` / `withDefaults(…, {…})` and the
 * Options API's `props: {…}` (Vue), `export let x = d` and `let {x = d}: T = $props()` (Svelte).
 */
import path from 'node:path';
import {ts} from 'ts-morph';
import type {PropModel} from '../model';
import type {FoundComponent} from './components';
import type {TypeLookup} from './typeDeclarations';
import {calleeName, hasModifier, isPascalCase, textOf, type ParsedFile} from './syntax';

export const SFC_FILE = /\.(vue|svelte)$/;
const SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/gi;

/** The file with only its script blocks' code left, at their own lines and columns. */
export function scriptOnly(text: string): string {
  let kept = '';
  let last = 0;
  for (const match of text.matchAll(SCRIPT)) {
    const start = match.index + match[0].indexOf('>') + 1;
    const end = start + match[1]!.length;
    kept += blank(text.slice(last, start)) + text.slice(start, end);
    last = end;
  }
  return kept + blank(text.slice(last));
}

function blank(part: string): string {
  return part.replace(/[^\n]/g, ' ');
}

/** PascalCase tags of the template (what is outside the script and style blocks). */
export function templateTags(text: string): string[] {
  const markup = text.replace(SCRIPT, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
  return [...new Set([...markup.matchAll(/<([A-Z][\w.]*)/g)].map((match) => match[1]!))].sort();
}

export function findSfcComponent(parsed: ParsedFile, tags: string[], types: TypeLookup): FoundComponent {
  const base = path.posix.basename(parsed.file).replace(SFC_FILE, '');
  const name = base.replace(/(^|[-_.]+)(\p{L})/gu, (_, __, letter: string) => letter.toUpperCase()).replace(/[^\p{L}\p{N}_$]/gu, '') || 'Component';
  const props = new Map<string, PropModel>();
  const defaults = new Map<string, string>();
  const unresolved: string[] = [];
  let propsType: string | undefined;
  const fromType = (type: ts.TypeNode) => {
    if (ts.isTypeReferenceNode(type)) propsType = textOf(type);
    for (const member of types.members(parsed.file, type, unresolved)) props.set(member.name, {name: member.name, type: member.type, required: !member.optional, ...(member.description ? {description: member.description} : {})});
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = calleeName(node.expression);
      if (callee === 'defineProps' || callee === '$props') {
        if (node.typeArguments?.[0]) fromType(node.typeArguments[0]);
        if (node.arguments[0] && ts.isObjectLiteralExpression(node.arguments[0])) readRuntimeProps(node.arguments[0], props);
      }
      if (callee === 'withDefaults' && node.arguments[1] && ts.isObjectLiteralExpression(node.arguments[1])) readObject(node.arguments[1], defaults);
    }
    // Svelte 5: let {a = 1}: Props = $props();
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && ts.isCallExpression(node.initializer) && calleeName(node.initializer.expression) === '$props') {
      if (node.type) fromType(node.type);
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        if (element.dotDotDotToken || !ts.isIdentifier(key)) continue;
        if (!props.has(key.text)) props.set(key.text, {name: key.text, required: !element.initializer});
        if (element.initializer) defaults.set(key.text, textOf(element.initializer));
      }
    }
    // Vue Options API: export default {props: {…}} or defineComponent({props: {…}}).
    if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'props' && ts.isObjectLiteralExpression(node.initializer)) readRuntimeProps(node.initializer, props);
    ts.forEachChild(node, visit);
  };
  for (const statement of parsed.source.statements) {
    // Svelte 4: export let size: number = 2;
    if (parsed.file.endsWith('.svelte') && ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const prop: PropModel = {name: declaration.name.text, required: !declaration.initializer, ...(declaration.type ? {type: textOf(declaration.type)} : {})};
        props.set(prop.name, declaration.initializer ? {...prop, default: textOf(declaration.initializer)} : prop);
      }
    }
    visit(statement);
  }
  const list = [...props.values()].map((prop) => (defaults.has(prop.name) ? {...prop, required: false, default: defaults.get(prop.name)!} : prop));
  return {
    id: `${parsed.file}#default`,
    name,
    file: parsed.file,
    line: 1,
    shape: parsed.file.endsWith('.vue') ? 'vue' : 'svelte',
    exported: true,
    ...(propsType ? {propsType} : {}),
    propsExtends: [...new Set(unresolved)].sort(),
    props: list.sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    tags: tags.filter((tag) => isPascalCase(tag) && tag !== name),
    isDefault: true,
  };
}

/** `{title: {type: String, required: true, default: 'x'}, size: Number}` */
function readRuntimeProps(object: ts.ObjectLiteralExpression, into: Map<string, PropModel>): void {
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
    const name = property.name.text;
    const value = property.initializer;
    if (!ts.isObjectLiteralExpression(value)) {
      into.set(name, {name, type: textOf(value), required: false});
      continue;
    }
    const fields = new Map<string, string>();
    readObject(value, fields);
    into.set(name, {name, ...(fields.has('type') ? {type: fields.get('type')!} : {}), required: fields.get('required') === 'true', ...(fields.has('default') ? {default: fields.get('default')!} : {})});
  }
}

function readObject(object: ts.ObjectLiteralExpression, into: Map<string, string>): void {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) into.set(property.name.text, textOf(property.initializer));
  }
}
