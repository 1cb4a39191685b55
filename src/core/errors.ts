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

/** Another running instance is logged into the same WeChat account (one account, one instance). */
export class AccountInUseError extends Error {
  readonly code = 'ACCOUNT_IN_USE';
  constructor(readonly account: string) {
    super(
      `WeChat account ${account} is already served by another shouwang instance on this database; ` +
        'run one instance per account (two would each pace their sends and together send too fast)',
    );
    this.name = 'AccountInUseError';
  }
}
