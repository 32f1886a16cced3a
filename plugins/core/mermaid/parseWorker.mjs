/**
 * Mermaid's parser in a worker thread, so it always loads as native ES modules: Docusaurus loads
 * our TypeScript through jiti, which would hand this code a CommonJS DOMPurify that is not the
 * instance Mermaid imports. One message in (`{id, texts}`: a page's or a section's diagrams in one
 * batch, so a 40-page section costs one round trip), one out (`{id, errors}`, one per text).
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

parentPort.on('message', async ({id, texts}) => {
  const errors = [];
  for (const text of texts) {
    try {
      await mermaid.parse(text);
      errors.push(null);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  parentPort.postMessage({id, errors});
});
