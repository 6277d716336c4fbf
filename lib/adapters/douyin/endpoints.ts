/**
 * Douyin (抖店) data sources the page itself uses: JSON endpoints and where the 服务工单 table keeps its row
 * records. Plain patterns and data only (no zod, no readers), because the MAIN-world hook
 * (entrypoints/douyin-hook.content.ts) bundles this file into every fxg frame at document_start.
 * Evidence: marketplaces.md ("Douyin shop backend") and the fixtures named beside each entry.
 */

/** Request paths whose JSON responses carry tickets, tested against the pathname only. */
export const endpointPaths = {
  /**
   * 售后 workbench list, `POST /after_sale/pc/list?msToken=…&a_bogus=…&verifyFp=…` [seen]. The query is
   * signed and changes on every call, so only the path is matched (and the request is never re-sent).
   * Fixtures: aftersale-list--base.json and its variants.
   */
  afterSaleList: /^\/after_sale\/pc\/list\/?$/,
} as const;

/** The endpoints as the content script knows them (ids and paths); index.ts adds each one's reader. */
export const endpoints = [{ id: 'douyin.afterSaleList', path: endpointPaths.afterSaleList }] as const;

/**
 * 服务工单 rows keep the whole row object in React props (`memoizedProps.record`) [one source]; the hook reads
 * them only on this path. `table tbody tr` is the same selector the DOM anchors use (selectors.serviceRow).
 * Fixture: service--base.html (a real React app, so the fiber expandos exist).
 */
export const recordSource = {
  rowSelector: 'table tbody tr',
  propName: 'record',
  pathPrefix: '/ffa/task-order/service',
} as const;
