/**
 * Message constants content scripts need without the protocol's zod schemas (issue 12: no zod on the page for
 * what the page side only names). protocol.ts re-exports them.
 */

/** Worker → tab push after a read of the tab's surface (freshness indicator). */
export const FRESHNESS_PUSH = 'ticket-radar:freshness-state';
