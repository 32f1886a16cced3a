/**
 * Package discovery from each build backend's manifest and from folders alone, on in-memory file
 * lists: what is a package, what is its name, version and description, which modules it has.
 */
import {describe, expect, it} from 'vitest';
import {createReport} from '../core/report';
import {discoverPython} from './discover';

function discover(files: Record<string, string>) {
  const report = createReport();
  const plans = discoverPython(Object.keys(files).sort(), (file) => files[file], {exclude: [], report});
  return {plans: plans.map((plan) => ({name: plan.name, dir: plan.dir, version: plan.version, description: plan.description, modules: plan.modules.map((module) => module.name)})), report};
}

describe('discoverPython', () => {
  it('poetry, with packages from src/', () => {
    const {plans} = discover({
      'pyproject.toml': '[tool.poetry]\nname = "acme-tools"\nversion = "1.2.0"\ndescription = "Tools."\npackages = [{include = "acme", from = "src"}]\n',
      'src/acme/__init__.py': '',
      'src/acme/cli.py': '',
      'src/acme/sub/__init__.py': '',
      'src/acme/sub/deep.py': '',
      'tests/test_cli.py': '',
    });
    expect(plans).toEqual([{name: 'acme', dir: 'src/acme', version: '1.2.0', description: 'Tools.', modules: ['acme', 'acme.cli', 'acme.sub', 'acme.sub.deep']}]);
  });

  it('flit (a one-file module named after the project) and uv (module-name under module-root)', () => {
    expect(discover({'pyproject.toml': '[project]\nname = "tiny"\nversion = "0.1"\ndescription = "One file."\n[build-system]\nbuild-backend = "flit_core.buildapi"\n', 'tiny.py': ''}).plans).toEqual([
      {name: 'tiny', dir: 'tiny', version: '0.1', description: 'One file.', modules: ['tiny']},
    ]);
    expect(discover({'pyproject.toml': '[project]\nname = "svc"\n[tool.uv.build-backend]\nmodule-name = "service_core"\nmodule-root = "lib"\n', 'lib/service_core/__init__.py': ''}).plans).toEqual([
      {name: 'service_core', dir: 'lib/service_core', version: undefined, description: undefined, modules: ['service_core']},
    ]);
  });

  it('setup.cfg metadata, and folders with __init__.py without any manifest; a folder without one is not importable', () => {
    const {plans} = discover({
      'backend/setup.cfg': '[metadata]\nname = backend\nversion = 3.0\ndescription = The back end.\n[options]\npackages = find:\n',
      'backend/app/__init__.py': '',
      'backend/app/models.py': '',
      'backend/app/loose/orphan.py': '',
      'worker/jobs/__init__.py': '',
      'notebooks/analysis.ipynb': '',
      'ext/fast.pyx': '',
    });
    expect(plans).toEqual([
      {name: 'app', dir: 'backend/app', version: '3.0', description: 'The back end.', modules: ['app', 'app.models']},
      {name: 'jobs', dir: 'worker/jobs', version: undefined, description: undefined, modules: ['jobs']},
    ]);
  });

  it('an invalid pyproject.toml is a warning with its line; the packages are still found from their folders', () => {
    const {plans, report} = discover({'pyproject.toml': '[project]\nname = "x\n', 'x/__init__.py': ''});
    expect(plans.map((plan) => plan.name)).toEqual(['x']);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]!.message).toMatch(/^pyproject\.toml is not valid TOML/);
    expect(report.warnings[0]!.details).toMatchObject({file: 'pyproject.toml', line: 2});
  });
});
