/**
 * Taobao / Tmall seller center (myseller.taobao.com) and Qianniu web (qn.taobao.com): what the extension
 * knows of the marketplace besides its readers. Plain data (lib/adapters/meta-types.ts): bundled into the
 * MAIN-world hook, the content script and wxt.config.ts. Tmall merchants use the same seller center.
 */
import type { MarketplaceMeta } from '../meta-types';

const H = 3600_000;

/** The Taobao 任务工单 list (催揽收 / 催发货). */
const TASKS = ['taobao.task-tickets'] as const;
const FOLDER = '淘宝催揽收';

export const taobaoMeta = {
  id: 'taobao',
  names: { zh: '淘宝/天猫', en: 'Taobao/Tmall' },
  colour: '#c73f00',
  hosts: ['myseller.taobao.com', 'qn.taobao.com'],
  // Qianniu web mounts the seller-center pages in frames.
  allFrames: true,
  surfaces: [
    // 退款 `refund_remind_timeout` / the row's timeout text; `exist_timeout:false` means none runs.
    { id: 'taobao.refund-list', family: 'refund', deadlines: 'platform', names: { zh: '退款', en: 'refunds (退款)' } },
    // 任务工单 (催揽收 / 催发货): no platform deadline on the list; the Taobao rules of sla-rules.md.
    {
      id: 'taobao.task-tickets',
      family: 'task',
      deadlines: 'rules',
      names: { zh: '任务工单（催揽收/催发货）', en: 'task tickets (催揽收/催发货)' },
    },
  ],
  rules: [
    {
      id: 'taobao-urge-pickup',
      name: '淘宝催揽收任务工单',
      enabled: true,
      match: { surfaces: TASKS, platforms: ['taobao'], kinds: ['urge-pickup'], tagsAny: [] },
      budgetMs: 24 * H,
      clock: { type: 'calendar' },
    },
    {
      id: 'taobao-pickup-after-urge-ship',
      name: '淘宝催发货后揽收',
      enabled: true,
      match: { surfaces: TASKS, platforms: ['taobao'], kinds: ['urge-ship'], tagsAny: [] },
      budgetMs: 24 * H,
      clock: { type: 'calendar' },
      // "picked up within 24 h of shipping": before the order ships this rule does not apply.
      startFrom: 'shipped',
    },
  ],
  // 催揽收: the help text says the ticket ends when the parcel is picked up or the ticket is answered; the
  // answers give the buyer something checkable (a tracking number).
  templates: [
    {
      id: 'default-taobao-pickup-new-tracking',
      title: '催揽收：已换快递，新运单号',
      body: '亲，您的包裹已更换快递重新发出，新运单号：{快递公司} {新运单号}，可在订单详情中查看物流进度。给您带来不便非常抱歉！',
      folder: FOLDER,
      tags: ['催揽收', '新单号'],
      platforms: ['taobao'],
      kinds: ['urge-pickup'],
      shortcut: '/xdh',
    },
    {
      id: 'default-taobao-pickup-chased',
      title: '催揽收：已催快递上门揽收',
      body: '亲，我们已联系快递尽快上门揽收，运单号{运单号}，揽收后物流信息会自动更新，请您耐心等待。',
      folder: FOLDER,
      tags: ['催揽收'],
      platforms: ['taobao'],
      kinds: ['urge-pickup'],
      shortcut: '/lsh',
    },
    {
      id: 'default-taobao-pickup-delayed',
      title: '催揽收：揽收延迟致歉',
      body: '亲，非常抱歉，您的包裹因快递网点揽收延迟暂未更新物流。我们已催促快递在{截止时间}前完成揽收，运单号{运单号}，有进展会第一时间告知您。',
      folder: FOLDER,
      tags: ['催揽收', '致歉'],
      platforms: ['taobao'],
      kinds: ['urge-pickup'],
    },
  ],
} as const satisfies MarketplaceMeta;
