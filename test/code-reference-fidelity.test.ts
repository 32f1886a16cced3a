/**
 * Fidelity: for zod's sources (from npm), the symbols we document must be the ones TypeDoc reports
 * for the same entry points — per module and per namespace, by exported name — or every difference
 * must be listed below with its reason. TypeDoc runs programmatically on the same tsconfig, with the
 * options that match our defaults (`excludeInternal`).
 */
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {extractCodeReference} from '../plugins/code-reference/extract/extractCodeReference';
import type {CodeReferenceModel} from '../plugins/code-reference/model';
import {normalizeOptions} from '../plugins/code-reference/options';
import {contextFor, tempDir} from './codeReferenceTargets';

const ZOD = path.join(__dirname, '..', 'node_modules', 'zod');

/**
 * Differences we accept, by `module or namespace: name`, with the reason. A difference found later
 * must be added here, explained, or fixed.
 */
const MERGED_WITH_INTERNAL =
  '`_ZodString` is an interface merged with an `@internal` const. Both tools document the interface ' +
  'once, at `zod`. TypeDoc then drops the re-export from the other modules that export it (its ' +
  'reference points at a symbol it partly removed); we keep the re-export, linked to that one page, ' +
  'because `import {_ZodString} from "zod/v4"` does work.';
const EXPLAINED: Record<string, string> = {
  'zod/v4: _ZodString': MERGED_WITH_INTERNAL,
  'zod.z: _ZodString': MERGED_WITH_INTERNAL,
};

interface Reflection {
  name: string;
  kind: number;
  children?: Reflection[];
  sources?: {fileName: string}[];
}

describe('fidelity against TypeDoc on zod', () => {
  let target: string;
  let model: CodeReferenceModel;
  let typedoc: Reflection;
  let entries: string[];

  beforeAll(async () => {
    target = tempDir('fidelity-zod');
    fs.cpSync(path.join(ZOD, 'src'), path.join(target, 'src'), {recursive: true});
    fs.copyFileSync(path.join(ZOD, 'package.json'), path.join(target, 'package.json'));
    fs.writeFileSync(
      path.join(target, 'tsconfig.json'),
      JSON.stringify({compilerOptions: {strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', skipLibCheck: true, noEmit: true, lib: ['ES2022', 'DOM'], types: []}, include: ['src']}),
    );
    const context = await contextFor(target);
    model = (await extractCodeReference(context, normalizeOptions(context.config))).model;
    entries = model.containers.filter((container) => container.kind === 'module').map((container) => container.file!);

    const {Application} = await import('typedoc');
    const app = await Application.bootstrapWithPlugins({
      entryPoints: entries.map((file) => path.join(target, file)),
      tsconfig: path.join(target, 'tsconfig.json'),
      skipErrorChecking: true,
      excludeInternal: true,
      logLevel: 'Error',
      readme: 'none',
    });
    const project = await app.convert();
    if (!project) throw new Error('TypeDoc did not convert zod');
    // NormalizedPath is a branded string: our path is already absolute and normalised.
    typedoc = app.serializer.projectToObject(project, target as Parameters<typeof app.serializer.projectToObject>[1]) as unknown as Reflection;
  }, 600_000);

  afterAll(() => {
    if (target) fs.rmSync(target, {recursive: true, force: true});
  });

  /** TypeDoc's module reflection for an entry file: matched by its source file. */
  function typedocModule(file: string): Reflection {
    const found = (typedoc.children ?? []).find((child) => child.sources?.some((source) => source.fileName.endsWith(file)));
    if (!found) throw new Error(`TypeDoc has no module for ${file}: ${(typedoc.children ?? []).map((child) => child.name).join(', ')}`);
    return found;
  }

  function differences(where: string, ours: Set<string>, theirs: Set<string>): string[] {
    return [
      ...[...theirs].filter((name) => !ours.has(name)).map((name) => `${where}: ${name} (only in TypeDoc)`),
      ...[...ours].filter((name) => !theirs.has(name)).map((name) => `${where}: ${name} (only in ours)`),
    ].filter((difference) => !(difference.replace(/ \(only in .*\)$/, '') in EXPLAINED));
  }

  it('uses the entry points of package.json exports, mapped to src/', () => {
    expect(entries).toEqual(expect.arrayContaining(['src/index.ts', 'src/mini/index.ts', 'src/v4/core/index.ts', 'src/v3/index.ts']));
    expect(entries.length).toBeGreaterThanOrEqual(9);
  });

  it('documents, for every module, the names TypeDoc documents', () => {
    const found: string[] = [];
    let compared = 0;
    for (const container of model.containers.filter((c) => c.kind === 'module')) {
      const theirs = new Set((typedocModule(container.file!).children ?? []).map((child) => child.name));
      const ours = new Set(container.exports.map((entry) => entry.name));
      compared += theirs.size;
      found.push(...differences(container.name, ours, theirs));
    }
    expect(found).toEqual([]);
    expect(compared).toBeGreaterThan(1500);
    // Each explained difference is still real, so the list cannot outlive the reason.
    for (const key of Object.keys(EXPLAINED).filter((k) => !k.startsWith('zod.'))) {
      const [module, name] = key.split(': ') as [string, string];
      expect(model.containers.find((c) => c.name === module)!.exports.map((e) => e.name)).toContain(name);
    }
  });

  it('documents, for every namespace, the members TypeDoc documents', () => {
    const found: string[] = [];
    let namespaces = 0;
    for (const container of model.containers.filter((c) => c.kind === 'module')) {
      const module = typedocModule(container.file!);
      for (const child of module.children ?? []) {
        if (!child.children || !container.exports.some((entry) => entry.name === child.name)) continue;
        const entry = container.exports.find((e) => e.name === child.name)!;
        const symbol = model.symbols.find((s) => s.id === entry.symbol);
        if (symbol?.kind !== 'namespace' || !symbol.namespace) continue;
        const page = model.containers.find((c) => c.id === symbol.namespace)!;
        namespaces++;
        found.push(...differences(`${container.name}.${child.name}`, new Set(page.exports.map((e) => e.name)), new Set(child.children.map((c) => c.name))));
      }
    }
    expect(found).toEqual([]);
    expect(namespaces).toBeGreaterThan(5);
  });
});
