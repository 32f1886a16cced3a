/**
 * The target's `.proto` files: a module apart from their reading, so that a target without any
 * never loads protobufjs (docs/adr/0059).
 */
import type {TargetContext} from '../core/types';

/** Folders whose files are test inputs, not the repository's API (as for API descriptions). */
const TEST_FOLDER = /(^|\/)(tests?|__tests__|fixtures?|__fixtures__|testdata|test-data|__mocks__)\//i;

/** The `.proto` files of the target, relative POSIX paths, sorted (the inventory is). */
export function discoverProtos(context: TargetContext): string[] {
  return context.inventory.files.filter((file) => file.endsWith('.proto') && !TEST_FOLDER.test(file));
}
