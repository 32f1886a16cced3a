/**
 * Generation alone, as a build runs it before Docusaurus starts: `node jiti-cli bench/generate.ts
 * <target> [siteDir]` writes the .docs-architect/ of this site (or of siteDir) for the target and
 * exits. bench/openapi.mjs and bench/huge-specs.mjs time it.
 */
import path from 'node:path';
import {prepareSite} from '../plugins/core/prepareSite';
import {openapiGenerator} from '../plugins/openapi/generator';
import {overviewGenerator} from '../plugins/overview/generator';

const [target, siteDir = path.resolve(__dirname, '..')] = process.argv.slice(2);
if (!target) {
  console.error('usage: generate.ts <target> [siteDir]');
  process.exit(2);
}
prepareSite({siteDir, target, generators: [overviewGenerator, openapiGenerator]}).then(
  (plan) => console.log(`generated ${plan.sections.length} sections`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
