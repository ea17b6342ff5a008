import { ApiError } from '../api/http';

/**
 * The text shown for a failed call or action: the server's problem (its title and detail, already
 * bilingual) or the error's own message. Anything thrown that is not an Error shows as itself,
 * unless the caller has a better (translated) fallback for that case.
 */
export function errorText(error: unknown, fallback?: string): string {
  if (error instanceof Error) return error.message;
  return fallback ?? String(error);
}

/** The lines shown for a failed call: each problem the server listed, else the one errorText. */
export function errorLines(error: unknown): string[] {
  return error instanceof ApiError && error.errors.length > 0 ? error.errors : [errorText(error)];
}
