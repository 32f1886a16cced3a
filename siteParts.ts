/**
 * What a build and `docs-architect check` both prepare from a target: the sections' generators and
 * the routes other parts of the site reserve. Kept out of docusaurus.config.ts so that `check`
 * loads neither Docusaurus's themes and plugins nor the config's other parts (docs/adr/0059); the
 * config imports these, so a build prepares exactly what `check` checks.
 */
import {openapiGenerator} from './plugins/openapi/generator';
import {overviewGenerator} from './plugins/overview/generator';
import {codeReferenceGenerator} from './plugins/code-reference/generator';
import {historyGenerator} from './plugins/git-history/generator';
import {operationsGenerator} from './plugins/operations/generator';
import {livingDocsGenerator} from './plugins/living-docs/generator';
import {applicationGenerator} from './plugins/application/generator';
import {architectureGenerator} from './plugins/architecture/generator';
import {protobufGenerator} from './plugins/protobuf/generator';
import {asyncapiGenerator} from './plugins/asyncapi/generator';
import {AUDIENCES_PATH} from './plugins/audience/paths';
import {graphqlGenerator} from './plugins/graphql/generator';

export const generators = [overviewGenerator, codeReferenceGenerator, openapiGenerator, graphqlGenerator, protobufGenerator, asyncapiGenerator, historyGenerator, architectureGenerator, applicationGenerator, operationsGenerator, livingDocsGenerator];

/** Routes the site's own plugins add, which no generated section may take. */
export const reservedRoutes = [{id: AUDIENCES_PATH, owner: 'the reading paths pages'}];
