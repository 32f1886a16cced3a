/**
 * Fidelity of the Python reference against griffe (mkdocstrings' reader): the public names of every
 * module of two real packages, requests and attr, as Debian installs them. The same rule is applied
 * to both inventories (bench/griffeNames.py says which); the names must be equal, or the difference
 * explained below. Skips, saying why, when Debian's python3-griffe, python3-requests or python3-attr
 * is missing (.ci/run installs them).
 */
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {tempDir} from './codeReferenceTargets';

const REPO = path.resolve(__dirname, '..');
const DIST = '/usr/lib/python3/dist-packages';
const PYTHON = '/usr/bin/python3';
const PACKAGES = ['requests', 'attr'];

const available = fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import griffe'], {encoding: 'utf8'}).status === 0 && PACKAGES.every((name) => fs.existsSync(path.join(DIST, name, '__init__.py')));
if (!available) console.warn('python-fidelity: skipped: needs Debian packages python3-griffe python3-requests python3-attr (apt-get install -y python3-griffe python3-requests python3-attr)');

/**
 * Differences that are expected, by package and module, with why. Empty today: on requests 2.28 and
 * attrs 22.2 both sides agree on every module. (Kept so that a difference found later is either
 * fixed or explained here, never ignored.)
 */
const EXPLAINED: Record<string, Record<string, {onlyOurs: string[]; onlyGriffe: string[]; why: string}>> = {requests: {}, attr: {}};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, {recursive: true, force: true});
});

function ourNames(name: string): Record<string, string[]> {
  const target = tempDir(`python-fidelity-${name}`);
  dirs.push(target);
  fs.cpSync(path.join(DIST, name), path.join(target, name), {recursive: true, filter: (file) => !file.includes('__pycache__')});
  const site = tempDir('python-fidelity-site');
  dirs.push(site);
  const run = spawnSync('node', [path.join(REPO, 'bench/python-run.mjs'), target, site, '--names'], {encoding: 'utf8'});
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

function griffeNames(name: string): Record<string, string[]> {
  const run = spawnSync(PYTHON, [path.join(REPO, 'bench/griffeNames.py'), name, DIST], {encoding: 'utf8'});
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

describe.skipIf(!available)('public names per module, ours against griffe', () => {
  for (const name of PACKAGES) {
    it(`${name}: the same modules and the same public names, or the difference explained`, () => {
      const ours = ourNames(name);
      const theirs = griffeNames(name);
      expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
      // Enough to mean something: requests has 18 modules and ~160 public names, attr 14 and ~100.
      expect(Object.keys(theirs).length).toBeGreaterThanOrEqual(10);
      expect(Object.values(theirs).flat().length).toBeGreaterThanOrEqual(100);
      const differences: Record<string, {onlyOurs: string[]; onlyGriffe: string[]}> = {};
      for (const module of Object.keys(theirs)) {
        const a = new Set(ours[module]);
        const b = new Set(theirs[module]);
        const onlyOurs = [...a].filter((one) => !b.has(one)).sort();
        const onlyGriffe = [...b].filter((one) => !a.has(one)).sort();
        if (onlyOurs.length + onlyGriffe.length > 0) differences[module] = {onlyOurs, onlyGriffe};
      }
      const explained = Object.fromEntries(Object.entries(EXPLAINED[name]!).map(([module, {onlyOurs, onlyGriffe}]) => [module, {onlyOurs, onlyGriffe}]));
      expect(differences).toEqual(explained);
    }, 120_000);
  }
});
