/**
 * Default template sets, shipped as data. The library seeds them into the merchant's own table, where
 * they are edited like any other template (repo.seedDefaults); nothing in the UI is hard-coded to them.
 *
 * Sources, all public platform guidance:
 * - The four-part service reply (问题描述 / 解决方案 / 后续跟进 / 注意事项), and the personalised and
 *   follow-up replies: Douyin shop's 服务工单 reply examples.
 * - 「根据描述未理解所述问题，辛苦确认具体问题并重新提交。」 and 「请优先联系仓库核实具体情况」 (双面单 / 无面单):
 *   Douyin's standard answers, kept word for word.
 * - The Pinduoduo ticket form's 收货状态 options (marketplaces.md, PDD reply form): kept word for word so
 *   the text matches the option the platform expects.
 * - Taobao 催揽收: the help text says the ticket ends when the parcel is picked up or the ticket is
 *   answered; the answers give the buyer something checkable (a tracking number).
 *
 * Ids are stable (`default-<platform|general>-<what>`): seeding, sync and "deleted defaults" rely on them.
 * Never reuse an id for a different text; retire it and add a new one.
 */
import type { Template } from '../model/template';
import type { Platform, TicketKind } from '../model/ticket';

/** When this default set was written; used as createdAt/updatedAt of the data (seeding stamps its own time). */
export const DEFAULTS_AT = Date.UTC(2025, 5, 1);

interface Def {
  id: string;
  title: string;
  body: string;
  folder: string;
  tags: string[];
  platforms?: Platform[];
  kinds?: TicketKind[];
  shortcut?: string;
  note?: string;
}

const FOLDER_GENERAL = '通用回复';
const FOLDER_DOUYIN = '抖店标准答复';
const FOLDER_PDD = '拼多多工单选项';
const FOLDER_TAOBAO = '淘宝催揽收';
const FOLDER_EVIDENCE = '协商与凭证';

const defs: readonly Def[] = [
  // ── The four-part reply and Douyin's example replies ────────────────────────────────────────────
  {
    id: 'default-general-four-part',
    title: '四段式服务回复',
    body:
      '【问题描述】您好，您反馈订单{订单号}的{商品}{问题}，我们已收到并记录。\n' +
      '【解决方案】{处理方案}\n' +
      '【后续跟进】我们会在{截止时间}前跟进处理结果，并第一时间同步给您。\n' +
      '【注意事项】如需寄回商品，请保持商品及包装完好，并在包裹内备注订单号{订单号}。',
    folder: FOLDER_GENERAL,
    tags: ['四段式', '服务回复'],
    shortcut: '/sd',
  },
  {
    id: 'default-general-personalised',
    title: '个性化回复：致歉并说明处理',
    body:
      '{买家}您好，非常抱歉{商品}给您带来了不好的体验。针对您反馈的{问题}，' +
      '我们的处理方案是：{处理方案}。如有其他疑问，随时联系我们，我们会尽力为您解决。',
    folder: FOLDER_GENERAL,
    tags: ['个性化', '致歉'],
    shortcut: '/gx',
  },
  {
    id: 'default-general-follow-up',
    title: '跟进回复：同步处理进展',
    body:
      '{买家}您好，关于订单{订单号}您反馈的问题，目前的处理进展是：{处理进展}。' +
      '我们会持续跟进，并在{截止时间}前给您最终答复，感谢您的耐心等待。',
    folder: FOLDER_GENERAL,
    tags: ['跟进', '进展'],
    shortcut: '/gj',
  },
  {
    id: 'default-douyin-unclear',
    title: '未理解所述问题，请重新提交',
    body: '根据描述未理解所述问题，辛苦确认具体问题并重新提交。',
    folder: FOLDER_DOUYIN,
    tags: ['标准答复', '问题不清'],
    platforms: ['douyin'],
    shortcut: '/blj',
  },
  {
    id: 'default-douyin-double-or-no-waybill',
    title: '双面单 / 无面单：请联系仓库核实',
    body: '请优先联系仓库核实具体情况。',
    folder: FOLDER_DOUYIN,
    tags: ['标准答复', '双面单', '无面单'],
    platforms: ['douyin'],
    kinds: ['logistics', 'service-request', 'other'],
    shortcut: '/md',
  },
  // ── Already agreed / already refunded: the platform decides on evidence, so the note says attach it ──
  {
    id: 'default-general-agreed-with-buyer',
    title: '已与买家协商一致（附凭证）',
    body: '您好，该问题已与买家协商一致，处理方案为：{处理方案}。协商聊天记录截图已作为凭证上传，请核实。',
    folder: FOLDER_EVIDENCE,
    tags: ['协商一致', '凭证'],
    shortcut: '/xs',
    note: '提交前请上传与买家的聊天记录截图作为凭证，否则平台可能不予认可。',
  },
  {
    id: 'default-general-already-refunded',
    title: '已为买家退款（附凭证）',
    body: '您好，订单{订单号}已为买家退款{退款金额}，退款凭证已上传，请核实。',
    folder: FOLDER_EVIDENCE,
    tags: ['已退款', '凭证'],
    kinds: ['refund', 'return', 'service-request', 'other'],
    shortcut: '/ytk',
    note: '提交前请上传退款成功的截图（含金额与时间）作为凭证。',
  },
  // ── Pinduoduo 收货状态 options, verbatim ─────────────────────────────────────────────────────────────
  {
    id: 'default-pdd-recall',
    title: '已进行召回',
    body: '已进行召回',
    folder: FOLDER_PDD,
    tags: ['收货状态', '拦截'],
    platforms: ['pdd'],
    shortcut: '/zh',
  },
  {
    id: 'default-pdd-buyer-received',
    title: '消费者已收到货',
    body: '消费者已收到货',
    folder: FOLDER_PDD,
    tags: ['收货状态'],
    platforms: ['pdd'],
    shortcut: '/ysh',
  },
  {
    id: 'default-pdd-no-return-tracking',
    title: '未查到退货物流轨迹',
    body: '未查到退货物流轨迹',
    folder: FOLDER_PDD,
    tags: ['收货状态', '退货'],
    platforms: ['pdd'],
    shortcut: '/wgj',
  },
  {
    id: 'default-pdd-unknown-tracking-no',
    title: '无法确认快递单号',
    body: '无法确认快递单号',
    folder: FOLDER_PDD,
    tags: ['收货状态', '退货'],
    platforms: ['pdd'],
    shortcut: '/wdh',
  },
  {
    id: 'default-pdd-return-not-received',
    title: '未收到退货商品',
    body: '未收到退货商品',
    folder: FOLDER_PDD,
    tags: ['收货状态', '退货'],
    platforms: ['pdd'],
    shortcut: '/wsh',
  },
  // ── Taobao 催揽收 ────────────────────────────────────────────────────────────────────────────────────
  {
    id: 'default-taobao-pickup-new-tracking',
    title: '催揽收：已换快递，新运单号',
    body: '亲，您的包裹已更换快递重新发出，新运单号：{快递公司} {新运单号}，可在订单详情中查看物流进度。给您带来不便非常抱歉！',
    folder: FOLDER_TAOBAO,
    tags: ['催揽收', '新单号'],
    platforms: ['taobao'],
    kinds: ['urge-pickup'],
    shortcut: '/xdh',
  },
  {
    id: 'default-taobao-pickup-chased',
    title: '催揽收：已催快递上门揽收',
    body: '亲，我们已联系快递尽快上门揽收，运单号{运单号}，揽收后物流信息会自动更新，请您耐心等待。',
    folder: FOLDER_TAOBAO,
    tags: ['催揽收'],
    platforms: ['taobao'],
    kinds: ['urge-pickup'],
    shortcut: '/lsh',
  },
  {
    id: 'default-taobao-pickup-delayed',
    title: '催揽收：揽收延迟致歉',
    body: '亲，非常抱歉，您的包裹因快递网点揽收延迟暂未更新物流。我们已催促快递在{截止时间}前完成揽收，运单号{运单号}，有进展会第一时间告知您。',
    folder: FOLDER_TAOBAO,
    tags: ['催揽收', '致歉'],
    platforms: ['taobao'],
    kinds: ['urge-pickup'],
  },
  // ── Everyday answers ──────────────────────────────────────────────────────────────────────────────
  {
    id: 'default-general-urge-ship',
    title: '催发货：加急处理中',
    body: '您好，您的订单{订单号}我们正在加急处理，预计{截止时间}前发出，发货后物流信息会同步更新，请您耐心等待。',
    folder: FOLDER_GENERAL,
    tags: ['催发货'],
    kinds: ['urge-ship'],
    shortcut: '/cfh',
  },
  {
    id: 'default-general-refund-agreed',
    title: '同意退款',
    body: '您好，您的退款申请我们已同意，{退款金额}将按原支付方式退回，请留意到账通知。',
    folder: FOLDER_GENERAL,
    tags: ['退款'],
    kinds: ['refund', 'return'],
    shortcut: '/tk',
  },
  {
    id: 'default-general-logistics-check',
    title: '物流核实中',
    body: '您好，订单{订单号}的包裹（运单号{运单号}）我们已联系快递核实，会在{截止时间}前给您答复，请您放心。',
    folder: FOLDER_GENERAL,
    tags: ['物流', '核实'],
    kinds: ['logistics', 'urge-pickup', 'consult', 'service-request'],
    shortcut: '/wl',
  },
];

/**
 * Every shipped default template, as stored. `usageCount` 0, `origin` 'default'. Callers get fresh
 * copies so nobody mutates the shipped set.
 */
export function defaultTemplates(): Template[] {
  return defs.map((d): Template => ({
    id: d.id,
    title: d.title,
    body: d.body,
    scope: { platforms: [...(d.platforms ?? [])], kinds: [...(d.kinds ?? [])], shops: [] },
    folder: d.folder,
    tags: [...d.tags],
    ...(d.shortcut !== undefined ? { shortcut: d.shortcut } : {}),
    ...(d.note !== undefined ? { note: d.note } : {}),
    usageCount: 0,
    createdAt: DEFAULTS_AT,
    updatedAt: DEFAULTS_AT,
    origin: 'default',
  }));
}

/** Ids of the shipped defaults. */
export const DEFAULT_TEMPLATE_IDS: readonly string[] = defs.map((d) => d.id);

/** The four-part headings, exported for the editor's "insert structure" helper and for tests. */
export const FOUR_PART_HEADINGS = ['问题描述', '解决方案', '后续跟进', '注意事项'] as const;
