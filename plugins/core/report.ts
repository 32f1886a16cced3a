/**
 * Warnings about the target collected during a build, printed once at the end of preparation. In
 * strict mode any warning fails the build; otherwise the site builds with what there is.
 */
import {formatUserError, UserError, type UserErrorDetails} from './errors';

export interface Report {
  warn(message: string, details?: UserErrorDetails): void;
  readonly warnings: readonly UserError[];
}

export function createReport(): Report {
  const warnings: UserError[] = [];
  return {
    warn(message, details) {
      warnings.push(new UserError(message, details));
    },
    get warnings() {
      return warnings;
    },
  };
}

export function formatReport(report: Report): string {
  return report.warnings.map((warning) => `warning: ${formatUserError(warning)}`).join('\n');
}
