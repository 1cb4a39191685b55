// Expected failures, with a code callers can act on.

/** Input that breaks rules: each problem names where (a field path or a row number) and why. */
export class ValidationError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(
      `${message}: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? ` (and ${problems.length - 20} more)` : ''}`,
    );
    this.name = 'ValidationError';
  }
}

/** A referenced thing does not exist (a site name, a ticket number). */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The change would clash with what exists (a name taken, a state that does not allow it). */
export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
