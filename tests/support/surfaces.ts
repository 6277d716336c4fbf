/**
 * Every marketplace surface we can serve locally: the real URL and the fixture files behind it. Used by
 * the browser tests and by `npm run demo`, so the demo shows exactly what the tests check.
 * Responders for each route source: tests/e2e/harness.ts `responderFor`.
 */

/**
 * What a route serves:
 * - `[platform, file]`: a fixture file; JSON times are shifted from FIXTURE_NOW to now.
 * - `{ file: [platform, file], times: true }`: an HTML stand-in whose `{{T-2h}}` placeholders are filled
 *   with Beijing time relative to the moment it is served (tests/support/time-placeholders.ts).
 *   `shift: false` serves JSON as written; `status` overrides 200.
 * - `{ app: 'tests/fixtures/…/app.tsx' }`: a fixture app bundled by esbuild (real React), cached per run.
 */
export type RouteSource =
  | readonly [platform: string, file: string]
  | {
      readonly file: readonly [platform: string, file: string];
      readonly times?: boolean;
      readonly shift?: boolean;
      readonly status?: number;
    }
  | { readonly app: string };

export interface Surface {
  id: string;
  /** zh-CN caption for the demo. */
  title: string;
  url: string;
  origin: string;
  /** pathname (exact string or RegExp) → what to serve there. */
  routes: [string | RegExp, RouteSource][];
  /**
   * What the page shows once the extension ran, for the demo to wait on: a CSS selector (Playwright CSS pierces
   * shadow roots). Default: a countdown badge.
   */
  ready?: string;
  /** Frames to wait in too (the iframe surface's badges sit in the frame): a frame selector. */
  frame?: string;
}

const PDD = 'https://mms.pinduoduo.com';
const DOUYIN = 'https://fxg.jinritemai.com';
const TAOBAO = 'https://myseller.taobao.com';

/** The Douyin 售后 list's data call (signed query params; matched on the path). */
const DOUYIN_AFTERSALE_API: [string, RouteSource] = ['/after_sale/pc/list', ['douyin', 'aftersale-list--base.json']];

/**
 * [modelled] No public source gives the URL of Taobao's 任务工单 (催揽收/催发货) list. The adapter finds the page
 * by its content (a table with 工单 columns and 催揽收/催发货 rows), so any seller-center path works; this one is
 * a plausible guess in the seller center's `/home.htm/<app>/<page>` style, named after the stand-in's
 * `work-task_*` classes. Replace it once a capture shows the real one.
 */
export const TAOBAO_TASK_TICKETS_URL = `${TAOBAO}/home.htm/work-task/task-ticket-list`;

export const SURFACES: Surface[] = [
  {
    id: 'pdd-work-orders',
    title: '拼多多 工单列表',
    url: `${PDD}/aftersales/work_order/list?msfrom=mms_sidenav`,
    origin: PDD,
    routes: [
      ['/aftersales/work_order/list', ['pdd', 'work-order-list--base.html']],
      ['/strickland/sop/mms/todoList', ['pdd', 'work-order-list--base.json']],
    ],
  },
  {
    id: 'pdd-aftersale',
    title: '拼多多 售后列表',
    url: `${PDD}/aftersales/aftersale_list`,
    origin: PDD,
    routes: [
      ['/aftersales/aftersale_list', ['pdd', 'aftersale-list--base.html']],
      ['/mercury/mms/afterSales/queryList', ['pdd', 'aftersale-list--base.json']],
    ],
  },
  {
    // No badges on a detail page: it updates the stored ticket (status, tracking no.) the list badges show.
    id: 'pdd-work-order-detail',
    title: '拼多多 工单详情',
    url: `${PDD}/aftersales/work_order/tododetail?id=9001001`,
    origin: PDD,
    routes: [
      ['/aftersales/work_order/tododetail', ['pdd', 'work-order-detail--base.html']],
      ['/strickland/sop/mms/detail', ['pdd', 'work-order-detail--base.json']],
    ],
    ready: '[class*="flow_step"]',
  },
  {
    // No tickets here: the reply box gets the template picker trigger (Alt+T).
    id: 'pdd-chat',
    title: '拼多多 客服聊天（话术模板）',
    url: `${PDD}/chat-merchant/index.html`,
    origin: PDD,
    routes: [['/chat-merchant/index.html', ['pdd', 'chat--base.html']]],
    ready: '[data-ticket-radar-picker-trigger]',
  },
  {
    id: 'douyin-aftersale',
    title: '抖店 售后工作台',
    url: `${DOUYIN}/ffa/merchant-aftersale-workbench/aftersale/list`,
    origin: DOUYIN,
    routes: [
      ['/ffa/merchant-aftersale-workbench/aftersale/list', ['douyin', 'aftersale-list--base.html']],
      DOUYIN_AFTERSALE_API,
    ],
  },
  {
    // The workbench shell with the list in a same-origin iframe at the older path. The shell's path is the
    // direct surface's too: serve each surface on its own page (serveSurface(page, …)) when both are open.
    id: 'douyin-aftersale-iframe',
    title: '抖店 售后工作台（iframe 内嵌列表）',
    url: `${DOUYIN}/ffa/merchant-aftersale-workbench/aftersale/list`,
    origin: DOUYIN,
    routes: [
      ['/ffa/merchant-aftersale-workbench/aftersale/list', ['douyin', 'aftersale-list--iframe.html']],
      ['/ffa/maftersale/aftersale/list', ['douyin', 'aftersale-list--base.html']],
      DOUYIN_AFTERSALE_API,
    ],
    frame: 'iframe[title="售后列表"]',
  },
  {
    id: 'douyin-service',
    title: '抖店 服务工单',
    url: `${DOUYIN}/ffa/task-order/service`,
    origin: DOUYIN,
    routes: [
      ['/ffa/task-order/service', ['douyin', 'service--base.html']],
      ['/__fixtures__/douyin/service-app.js', { app: 'tests/fixtures/douyin/service-app.tsx' }],
    ],
  },
  {
    id: 'taobao-refunds',
    title: '淘宝/天猫 退款列表',
    url: `${TAOBAO}/home.htm/trade-platform/refund-list`,
    origin: TAOBAO,
    routes: [['/home.htm/trade-platform/refund-list', { file: ['taobao', 'refund-list--base.html'], times: true }]],
  },
  {
    id: 'taobao-task-tickets',
    title: '淘宝/天猫 任务工单（催揽收/催发货）',
    url: TAOBAO_TASK_TICKETS_URL,
    origin: TAOBAO,
    routes: [[new URL(TAOBAO_TASK_TICKETS_URL).pathname, { file: ['taobao', 'task-tickets--base.html'], times: true }]],
  },
];

/** A surface by id (throws on a typo, so a renamed surface fails the test that uses it). */
export function surface(id: string): Surface {
  const s = SURFACES.find((x) => x.id === id);
  if (!s) throw new Error(`no surface ${id}`);
  return s;
}
