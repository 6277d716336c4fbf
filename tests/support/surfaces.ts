/**
 * Every marketplace surface we can serve locally: the real URL and the fixture files behind it. Used by
 * the browser tests and by `npm run demo`, so the demo shows exactly what the tests check.
 */
export interface Surface {
  id: string;
  /** zh-CN caption for the demo. */
  title: string;
  url: string;
  origin: string;
  /** pathname (exact string or RegExp) → [platform folder, fixture file]. */
  routes: [string | RegExp, [string, string]][];
}

export const SURFACES: Surface[] = [
  {
    id: 'pdd-work-orders',
    title: '拼多多 工单列表',
    url: 'https://mms.pinduoduo.com/aftersales/work_order/list?msfrom=mms_sidenav',
    origin: 'https://mms.pinduoduo.com',
    routes: [
      ['/aftersales/work_order/list', ['pdd', 'work-order-list--base.html']],
      ['/strickland/sop/mms/todoList', ['pdd', 'work-order-list--base.json']],
    ],
  },
];
