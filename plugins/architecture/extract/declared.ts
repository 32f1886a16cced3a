/** What one input file declares, before the declarations of all inputs are merged into elements. */
import type {ElementKind, SourceRef} from '../model';

export interface DeclaredLink {
  /** Name of the other element as the file names it (a service, a workload, a product). */
  to: string;
  label: string;
  source: SourceRef;
}

export interface Declared {
  name: string;
  /** Left undefined when only the image or library can tell (see catalog.ts). */
  kind?: ElementKind;
  image?: string;
  technology?: string;
  /** How it was found: `compose service`, `Deployment`, `workspace package`. */
  via: string;
  source: SourceRef;
  ports: string[];
  env: string[];
  links: DeclaredLink[];
  /** Folder its image is built from, relative to the target: ties a service to a package. */
  buildDir?: string;
  packageName?: string;
}

export interface ProblemSink {
  problem(source: SourceRef, message: string): void;
}
