/**
 * Mermaid's parser in a worker thread, so it always loads as native ES modules: Docusaurus loads
 * our TypeScript through jiti, which would hand this code a CommonJS DOMPurify that is not the
 * instance Mermaid imports. One message in (`{id, texts}`: a page's or a section's diagrams in one
 * batch, so a 40-page section costs one round trip), one out (`{id, errors}`, one per text).
 *
 * Parsing is `mermaid.parse`, unchanged: front matter, directives, the diagram's grammar and its
 * database. What we change is the configuration this thread's Mermaid holds (docs/adr/0051):
 * Mermaid deep-copies its whole configuration for every labelled node (`getConfig()` in each
 * diagram's `addVertex`/`addClass`...), and two parts of it are two thirds of its ~760 keys and
 * only style the drawing, which this thread never makes: the theme's variables and the C4 font
 * tables. They are emptied in the site configuration `mermaid.parse` resets to before each diagram.
 */
import {parentPort} from 'node:worker_threads';
import DOMPurify from 'dompurify';

if (!DOMPurify.isSupported) {
  // Without a window DOMPurify is a bare factory. Parsing never renders, so hooks never run and no
  // sanitised text is ever shown: these stand-ins only let Mermaid's modules load and parse.
  const noop = () => undefined;
  Object.assign(DOMPurify, {addHook: noop, removeHook: noop, removeHooks: noop, removeAllHooks: noop, sanitize: (value) => String(value)});
}
const {default: mermaid} = await import('mermaid');
mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
// `updateSiteConfig` merges into the site configuration and returns it: the object each parse
// copies. Empty objects, not deletions, so code that destructures `themeVariables` still works.
const siteConfig = mermaid.mermaidAPI.updateSiteConfig({});
siteConfig.themeVariables = {};
siteConfig.c4 = {};

/** Mermaid's message for a diagram that does not parse, or null. */
async function parseOne(text) {
  try {
    await mermaid.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// The diagram types every site with code and git history gets (graphs, class diagrams, the history
// timeline and chart) load their module now, once, not inside the first diagram of each type. ER
// diagrams only come with data models, so their module loads when the first one comes.
for (const text of ['flowchart LR\n  a --> b', 'classDiagram\n  class A', 'timeline\n  2024 : a', 'xychart-beta\n  bar [1]']) {
  await parseOne(text);
}

parentPort.on('message', async ({id, texts}) => {
  const errors = [];
  for (const text of texts) errors.push(await parseOne(text));
  parentPort.postMessage({id, errors});
});
