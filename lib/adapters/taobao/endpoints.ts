/**
 * What the Taobao MAIN-world hook observes. Plain data (no zod, no readers) so the hook bundle stays small.
 *
 * No JSON endpoint of the refund list or the task tickets is publicly known (marketplaces.md), so no
 * response is copied. The refund list's Fusion table keeps each row's data in the row component's `record`
 * prop; the hook reads those records [modelled shape, see records.ts].
 */
export const endpointPaths = {} as const satisfies Record<string, RegExp>;

/** No endpoint: the content script hands no response to the worker. */
export const endpoints = [] as const;

/** React row records on the refund list (strategy 2). Evidence for the row selector: selectors.refundRow. */
export const recordRows = {
  rowSelector: 'tr.next-table-row',
  propName: 'record',
  pathPrefix: '/home.htm/trade-platform/refund-list',
} as const;
