/**
 * Packages and apps to declarations: every folder with its own manifest (package.json, an Nx
 * project.json, pyproject.toml or requirements.txt, go.mod, Cargo.toml) or Dockerfile is a
 * container (a Turborepo's packages are its workspaces' package.json folders); the libraries
 * it depends on name the data stores, brokers and external systems it talks to, and its dependencies
 * on other packages of the workspace are relations.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type {Inventory} from '../../core/discoverTarget';
import {parseJson} from '../../core/parseJson';
import type {Declared, ProblemSink} from './declared';

const LANGUAGE: Record<string, string> = {npm: 'Node.js', python: 'Python', go: 'Go', cargo: 'Rust'};
const MANIFEST = /(^|\/)(package\.json|project\.json|pyproject\.toml|requirements\.txt|go\.mod|Cargo\.toml|Dockerfile)$/;

interface Folder {
  dir: string;
  manifests: string[];
}

/** Folders with a manifest, the root only when it is the one package (not a workspace root). */
export function packageFolders(inventory: Inventory): Folder[] {
  const byDir = new Map<string, string[]>();
  for (const file of inventory.files) {
    if (!MANIFEST.test(file) || /(^|\/)(node_modules|test|tests|testdata|fixtures|__fixtures__|e2e)\//.test(file)) continue;
    const dir = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    byDir.set(dir, [...(byDir.get(dir) ?? []), path.posix.basename(file)]);
  }
  const folders = [...byDir].map(([dir, manifests]) => ({dir, manifests: manifests.sort()})).sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return folders.length > 1 ? folders.filter((folder) => folder.dir !== '') : folders;
}

export async function readWorkspace(root: string, inventory: Inventory, projectName: string, sink: ProblemSink): Promise<Declared[]> {
  const folders = packageFolders(inventory);
  const names = new Map<string, string>();
  const declared: Declared[] = [];
  const turbo = inventory.files.includes('turbo.json');
  for (const folder of folders) {
    const at = (manifest: string, line = 1) => ({file: folder.dir ? `${folder.dir}/${manifest}` : manifest, line});
    const element: Declared = {name: folder.dir ? path.posix.basename(folder.dir) : projectName, via: 'package folder', source: at(folder.manifests.find((m) => m !== 'Dockerfile') ?? folder.manifests[0]!), ports: [], env: [], links: []};
    const dependencies: {name: string; line: number; manifest: string; dev?: boolean}[] = [];
    for (const manifest of folder.manifests) {
      const text = await fs.readFile(path.join(root, at(manifest).file), 'utf8').catch(() => '');
      const lineOfName = (name: string) => lineOfText(text, name);
      if (manifest === 'package.json') {
        const result = parseJson(text);
        // The inventory already reports a package.json that is not a JSON object.
        if (!result.ok || typeof result.value !== 'object' || result.value === null) continue;
        const pkg = result.value as Record<string, unknown>;
        if (typeof pkg.name === 'string') {
          element.packageName = pkg.name;
          element.name = pkg.name;
          names.set(pkg.name, pkg.name);
        }
        element.technology ??= inventory.tsconfigs.some((tsconfig) => path.posix.dirname(tsconfig) === (folder.dir || '.')) ? 'TypeScript' : LANGUAGE.npm;
        for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'devDependencies']) {
          const list = pkg[field];
          if (typeof list !== 'object' || list === null) continue;
          for (const name of Object.keys(list)) dependencies.push({name, line: lineOfName(`"${name}"`), manifest, dev: field === 'devDependencies'});
        }
      } else if (manifest === 'project.json') {
        // An Nx project: its name, app or library, and `implicitDependencies` on other projects.
        const result = parseJson(text);
        if (!result.ok || typeof result.value !== 'object' || result.value === null) continue;
        const project = result.value as {name?: unknown; projectType?: unknown; implicitDependencies?: unknown};
        element.via = `Nx ${project.projectType === 'library' ? 'library' : project.projectType === 'application' ? 'application' : 'project'}`;
        if (typeof project.name === 'string' && !folder.manifests.includes('package.json')) {
          element.name = project.name;
          names.set(project.name, project.name);
        }
        element.technology ??= inventory.tsconfigs.some((tsconfig) => path.posix.dirname(tsconfig) === (folder.dir || '.')) ? 'TypeScript' : undefined;
        for (const name of Array.isArray(project.implicitDependencies) ? project.implicitDependencies : []) {
          if (typeof name === 'string' && !name.startsWith('!')) dependencies.push({name, line: lineOfName(`"${name}"`), manifest});
        }
      } else if (manifest === 'requirements.txt') {
        element.technology ??= LANGUAGE.python;
        text.split('\n').forEach((line, index) => {
          const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(line)?.[1];
          if (name) dependencies.push({name: name.toLowerCase(), line: index + 1, manifest});
        });
      } else if (manifest === 'pyproject.toml') {
        element.technology ??= LANGUAGE.python;
        const project = /^name\s*=\s*["']([^"']+)["']/m.exec(text)?.[1];
        if (project && !folder.manifests.includes('package.json')) element.name = project;
        // Requirement strings (`"sqlalchemy>=2"`) anywhere in the file: the dependency arrays of PEP 621 and Poetry.
        for (const match of text.matchAll(/^\s*["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:[<>=!~;].*)?["'],?\s*$|^([A-Za-z0-9][A-Za-z0-9._-]*)\s*=\s*["{]/gm)) {
          const name = (match[1] ?? match[2])!.toLowerCase();
          if (name !== 'python' && name !== 'name' && name !== 'version') dependencies.push({name, line: text.slice(0, match.index).split('\n').length, manifest});
        }
      } else if (manifest === 'go.mod') {
        element.technology ??= LANGUAGE.go;
        const module = /^module\s+(\S+)/m.exec(text)?.[1];
        if (module) element.name = module.split('/').pop()!;
        text.split('\n').forEach((line, index) => {
          const name = /^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/[^\s]+)\s+v/.exec(line)?.[1];
          if (name) dependencies.push({name, line: index + 1, manifest});
        });
      } else if (manifest === 'Cargo.toml') {
        element.technology ??= LANGUAGE.cargo;
      } else if (manifest === 'Dockerfile') {
        const base = /^\s*FROM\s+(?:--\S+\s+)*(\S+)/im.exec(text)?.[1];
        if (base) element.image ??= base;
      }
    }
    for (const dependency of dependencies) {
      // A development dependency is no part of what runs, but it still ties two workspace packages.
      element.links.push({to: `${dependency.dev ? 'dev' : 'library'}:${dependency.name}`, label: dependency.name, source: at(dependency.manifest, dependency.line)});
    }
    if (turbo && folder.manifests.includes('package.json') && element.via === 'package folder') element.via = 'Turborepo package';
    element.buildDir = folder.dir;
    declared.push(element);
  }
  // A dependency on another package of the workspace is a relation between two containers.
  for (const element of declared) {
    element.links = element.links.map((link) => {
      const name = link.to.replace(/^(library|dev):/, '');
      return names.has(name) && name !== element.packageName ? {...link, to: name, label: 'uses'} : link;
    });
  }
  void sink;
  return declared;
}

function lineOfText(text: string, needle: string): number {
  const index = text.indexOf(needle);
  return index < 0 ? 1 : text.slice(0, index).split('\n').length;
}
