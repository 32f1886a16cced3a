/**
 * Generation alone, as a build runs it before Docusaurus starts: `node jiti-cli bench/generate.ts
 * <target>` writes this site's .docs-architect/ for the target and exits. bench/openapi.mjs times it.
 */
import path from 'node:path';
import {prepareSite} from '../plugins/core/prepareSite';
import {openapiGenerator} from '../plugins/openapi/generator';
import {overviewGenerator} from '../plugins/overview/generator';

const target = process.argv[2];
if (!target) {
  console.error('usage: generate.ts <target>');
  process.exit(2);
}
prepareSite({siteDir: path.resolve(__dirname, '..'), target, generators: [overviewGenerator, openapiGenerator]}).then(
  (plan) => console.log(`generated ${plan.sections.length} sections`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
