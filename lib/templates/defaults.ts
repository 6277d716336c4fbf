/**
 * Default template sets, shipped as data. The library seeds them into the merchant's own table, where
 * they are edited like any other template (repo.seedDefaults); nothing in the UI is hard-coded to them.
 *
 * The generic replies are here; a marketplace's own (Douyin's standard answers, the Pinduoduo 收货状态
 * options, Taobao 催揽收) live in its adapter's meta.ts with their sources. The four-part service reply
 * (问题描述 / 解决方案 / 后续跟进 / 注意事项) and the personalised and follow-up replies come from Douyin
 * shop's 服务工单 reply examples; they fit every marketplace.
 *
 * Ids are stable (`default-<platform|general>-<what>`): seeding, sync and "deleted defaults" rely on them.
 * Never reuse an id for a different text; retire it and add a new one.
 */
import { MARKETPLACES } from '../adapters/catalog';
import type { MarketplaceMeta } from '../adapters/meta-types';
import type { Template } from '../model/template';
import type { Platform, TicketKind } from '../model/ticket';

/** When this default set was written; used as createdAt/updatedAt of the data (seeding stamps its own time). */
export const DEFAULTS_AT = Date.UTC(2025, 5, 1);

interface Def {
  id: string;
  title: string;
  body: string;
  folder: string;
  tags: readonly string[];
  platforms?: readonly Platform[];
  kinds?: readonly TicketKind[];
  shortcut?: string;
  note?: string;
}

const FOLDER_GENERAL = '通用回复';
const FOLDER_EVIDENCE = '协商与凭证';

const generic: readonly Def[] = [
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

/** The generic replies, then each marketplace's own (its meta.ts `templates`), in catalog order. */
const defs: readonly Def[] = [
  ...generic,
  ...((MARKETPLACES as readonly MarketplaceMeta[]).flatMap((m) => m.templates) as readonly Def[]),
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
