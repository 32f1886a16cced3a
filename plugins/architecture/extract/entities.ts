/**
 * Data models read statically from the target's schema files (never by connecting to a database or
 * running its code). One reader per kind of file; each returns entities and reports what it cannot read.
 */
import type {TargetContext} from '../../core/types';
import type {EntityModel} from '../model';
import type {ProblemSink} from './declared';

export async function extractEntities(context: TargetContext, sink: ProblemSink): Promise<EntityModel[]> {
  void context;
  void sink;
  return [];
}
