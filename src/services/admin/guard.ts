/**
 * Called by a service on each record it is about to touch, with the record's site (null: none), inside
 * the write's transaction; it throws to refuse. The HTTP layer passes the token's site-scope check.
 */
export type Guard = (siteId: number | null) => void;

/** For callers that act on every site (the command line). */
export const anySite: Guard = () => {};
