/**
 * Mermaid's parser in a worker thread, so it always loads as native ES modules: Docusaurus loads
 * our TypeScript through jiti, which would hand this code a CommonJS DOMPurify that is not the
 * instance Mermaid imports. One message in (`{id, text}`), one out (`{id, error}`).
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

parentPort.on('message', async ({id, text}) => {
  try {
    await mermaid.parse(text);
    parentPort.postMessage({id});
  } catch (error) {
    parentPort.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
});
