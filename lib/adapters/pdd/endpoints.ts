/**
 * Pinduoduo JSON endpoints the page itself calls. Patterns only (no readers), so the MAIN-world hook can
 * bundle them cheaply. Evidence: marketplaces.md [seen] and the fixtures named beside each.
 */
export const endpointPaths = {
  /** 工单 list. Fixtures: work-order-list--base.json and variants. */
  todoList: /^\/strickland\/sop\/mms\/todoList$/,
  /** 工单 detail (flow history, finished flag). Fixture: work-order-detail--base.json. */
  detail: /^\/strickland\/sop\/mms\/detail$/,
  /** 售后 list. Fixtures: aftersale-list--base.json (seconds), aftersale-list--ms.json and variants. */
  afterSalesList: /^\/mercury\/mms\/afterSales\/queryList$/,
  /** [modelled] user info with the mall id; used only for shop identity. */
  userInfo: /^\/janus\/api\/(?:new\/)?userinfo$/,
} as const;

/** The endpoints as the content script knows them (ids and paths); index.ts adds each one's reader. */
export const endpoints = [
  { id: 'pdd.todoList', path: endpointPaths.todoList },
  { id: 'pdd.workOrderDetail', path: endpointPaths.detail },
  { id: 'pdd.afterSalesList', path: endpointPaths.afterSalesList },
  { id: 'pdd.userInfo', path: endpointPaths.userInfo },
] as const;
