/**
 * A mistake in the user's input (a target path, a config file, a spec...). It carries what a reader
 * needs to fix it, and it is printed as a short message, never as a stack trace.
 */
export interface UserErrorDetails {
  /** The file at fault, absolute or relative to the working directory. */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** 1-based column in `line`, when known (a JSON syntax error). */
  column?: number;
  /** The config key, frontmatter field or JSON pointer at fault. */
  key?: string;
  /** What to do about it. */
  fix?: string;
}

export class UserError extends Error {
  readonly details: UserErrorDetails;
  /** Further mistakes found in the same pass (all of a config's bad keys, say), printed after this one. */
  readonly related: UserError[] = [];

  constructor(message: string, details: UserErrorDetails = {}) {
    super(message);
    this.name = 'UserError';
    this.details = details;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof Error && error.name === 'UserError' && 'details' in error;
}

/** `file:line: key: message. fix` — a line per mistake, that a terminal and an editor both understand. */
export function formatUserError(error: UserError): string {
  return [error, ...error.related].map(formatOne).join('\n');
}

function formatOne(error: UserError): string {
  const {file, line, column, key, fix} = error.details;
  const where = file ? `${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ` : '';
  const what = key ? `${key}: ` : '';
  const message = error.message.replace(/\.$/, '');
  return `${where}${what}${message}.${fix ? ` ${fix.replace(/\.$/, '')}.` : ''}`;
}
