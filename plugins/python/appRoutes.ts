/**
 * The Python routes of a target for the application section, which lists them beside the
 * TypeScript ones: the one function of the Python half another section may call (docs/adr/0046,
 * `.dependency-cruiser.cjs`). The files are parsed once per build: the code reference's reading of
 * the same files is shared (extractPython.ts), and its warnings are its own, so none is given twice.
 */
import {normalizeOptions} from '../code-reference/options';
import {createReport} from '../core/report';
import type {TargetContext} from '../core/types';
import {readPythonProject} from './extractPython';
import {pythonRoutes, type PythonRoute} from './routes';

export type {PythonRoute};

export function readPythonRoutes(context: TargetContext): PythonRoute[] {
  if (!context.inventory.files.some((file) => /\.pyi?$/.test(file))) return [];
  const read = readPythonProject({...context, report: createReport()}, {exclude: normalizeOptions(context.config).exclude, reuseParsed: true});
  return read ? pythonRoutes(read.project) : [];
}
