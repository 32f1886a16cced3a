/**
 * GraphQL generation alone, as a build runs it before Docusaurus starts: `node jiti-cli
 * bench/graphql-generate.ts <target> <siteDir>` writes the GraphQL section's files and prints how
 * long extract and render took. bench/graphql.mjs times it.
 */
import {prepareSite} from '../plugins/core/prepareSite';
import {graphqlGenerator} from '../plugins/graphql/generator';

const [target, siteDir] = process.argv.slice(2);
if (!target || !siteDir) {
  console.error('usage: graphql-generate.ts <target> <siteDir>');
  process.exit(2);
}
const started = performance.now();
prepareSite({siteDir, target, generators: [graphqlGenerator]}).then(
  (plan) => console.log(`generated ${plan.sections.length} sections in ${((performance.now() - started) / 1000).toFixed(2)} s`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
