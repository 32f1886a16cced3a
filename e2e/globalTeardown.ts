/** After the run: the targets it built, and their folder, go (e2e/targets.ts). */
import {removeRunFolder} from './targets';

export default function globalTeardown(): void {
  removeRunFolder();
}
