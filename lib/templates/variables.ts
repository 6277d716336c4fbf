/**
 * The variable catalogue: which `{…}` tokens a template body may hold, what they are called in each
 * language and where their value comes from. Pure data plus pure formatting; no DOM, no browser APIs.
 *
 * A body writes a variable by its zh-CN name (`{买家}`) — that is what merchants read and type. The
 * English key (`{buyer}`) is accepted too, so templates written with the en UI still render.
 */
import type { ReplyContext } from '../adapters/types';
import type { Platform, TicketKind } from '../model/ticket';
import { formatBeijing } from '../time';

/** Stable variable keys. Values passed to the renderer and the picker are keyed by these. */
export const VARIABLE_KEYS = [
  'buyer',
  'orderId',
  'product',
  'trackingNo',
  'newTrackingNo',
  'carrier',
  'shop',
  'deadline',
  'refundAmount',
  'ticketId',
  'issue',
  'solution',
  'progress',
] as const;
export type VariableKey = (typeof VARIABLE_KEYS)[number];

/** Values by variable key, as the picker receives them. `undefined` or blank means "no value". */
export type VariableValues = Partial<Record<VariableKey, string | undefined>>;

/**
 * Where a variable's value comes from. `ticket:<field>`: the ticket the reply box answers;
 * `shop`: the shop's alias or page name; `manual`: nothing on the page knows it, the picker asks.
 */
export type VariableSource =
  | 'ticket:buyer'
  | 'ticket:orderId'
  | 'ticket:product'
  | 'ticket:trackingNo'
  | 'ticket:nativeId'
  | 'ticket:dueAt'
  | 'ticket:amountFen'
  | 'shop'
  | 'manual';

/** One entry of the catalogue. */
export interface VariableDef {
  key: VariableKey;
  /** The token name in zh-CN bodies: `{买家}`. */
  zh: string;
  /** English label, also accepted as a token: `{buyer}`. */
  en: string;
  source: VariableSource;
  /** A short hint shown beside the inline input when the value has to be typed. */
  hintZh: string;
  hintEn: string;
}

/** The catalogue, in the order the editor shows its variable chips. */
export const VARIABLES: readonly VariableDef[] = [
  { key: 'buyer', zh: '买家', en: 'buyer', source: 'ticket:buyer', hintZh: '买家昵称', hintEn: 'Buyer nickname' },
  { key: 'orderId', zh: '订单号', en: 'orderId', source: 'ticket:orderId', hintZh: '订单编号', hintEn: 'Order number' },
  { key: 'product', zh: '商品', en: 'product', source: 'ticket:product', hintZh: '商品名称', hintEn: 'Product name' },
  {
    key: 'trackingNo',
    zh: '运单号',
    en: 'trackingNo',
    source: 'ticket:trackingNo',
    hintZh: '快递运单号',
    hintEn: 'Tracking number',
  },
  {
    key: 'newTrackingNo',
    zh: '新运单号',
    en: 'newTrackingNo',
    source: 'manual',
    hintZh: '更换后的运单号',
    hintEn: 'New tracking number',
  },
  {
    key: 'carrier',
    zh: '快递公司',
    en: 'carrier',
    source: 'manual',
    hintZh: '如 中通快递',
    hintEn: 'e.g. ZTO Express',
  },
  { key: 'shop', zh: '店铺', en: 'shop', source: 'shop', hintZh: '店铺名称', hintEn: 'Shop name' },
  {
    key: 'deadline',
    zh: '截止时间',
    en: 'deadline',
    source: 'ticket:dueAt',
    hintZh: '北京时间，如 2026-11-24 10:00',
    hintEn: 'Beijing time, e.g. 2026-11-24 10:00',
  },
  {
    key: 'refundAmount',
    zh: '退款金额',
    en: 'refundAmount',
    source: 'ticket:amountFen',
    hintZh: '如 ¥12.30',
    hintEn: 'e.g. ¥12.30',
  },
  { key: 'ticketId', zh: '工单号', en: 'ticketId', source: 'ticket:nativeId', hintZh: '工单编号', hintEn: 'Ticket id' },
  // The three below are the parts of a service reply only the merchant can write. Making them variables
  // (not 「请填写…」 placeholder text) means the picker asks for them and a template can never be sent
  // with the placeholder still in it.
  {
    key: 'issue',
    zh: '问题',
    en: 'issue',
    source: 'manual',
    hintZh: '买家反馈的问题',
    hintEn: 'What the buyer reported',
  },
  {
    key: 'solution',
    zh: '处理方案',
    en: 'solution',
    source: 'manual',
    hintZh: '如 补发 / 退款 / 换货',
    hintEn: 'e.g. resend / refund / exchange',
  },
  { key: 'progress', zh: '处理进展', en: 'progress', source: 'manual', hintZh: '目前进展', hintEn: 'Progress so far' },
];

const BY_KEY = new Map<VariableKey, VariableDef>(VARIABLES.map((v) => [v.key, v]));
/** Token name → key. zh names and en keys both resolve; lookups are exact (tokens are typed as shown). */
const BY_TOKEN = new Map<string, VariableKey>(
  VARIABLES.flatMap((v) => [[v.zh, v.key] as const, [v.en, v.key] as const]),
);

/** The catalogue entry for a key. */
export function variableDef(key: VariableKey): VariableDef {
  // Every key is in the catalogue (checked by a test), so this never falls back in practice.
  return BY_KEY.get(key) ?? { key, zh: key, en: key, source: 'manual', hintZh: '', hintEn: '' };
}

/** Resolves a token name (`买家` or `buyer`, without braces) to a key; undefined for unknown names. */
export function variableForToken(name: string): VariableKey | undefined {
  return BY_TOKEN.get(name.trim());
}

/** The token a body should contain for a key: `{买家}`. */
export function variableToken(key: VariableKey): string {
  return `{${variableDef(key).zh}}`;
}

/** A label for the UI in the given locale. */
export function variableLabel(key: VariableKey, locale: 'zh' | 'en'): string {
  const def = variableDef(key);
  return locale === 'zh' ? def.zh : def.en;
}

/** Fen to the way Chinese seller pages write money: 1230 → `¥12.30`. Negative and fractional fen are rejected. */
export function formatFen(fen: number): string | undefined {
  if (!Number.isSafeInteger(fen) || fen < 0) return undefined;
  const yuan = Math.floor(fen / 100);
  const rest = String(fen % 100).padStart(2, '0');
  return `¥${yuan}.${rest}`;
}

/**
 * What the page knows about the ticket a reply box answers. A stored `Ticket` satisfies it; so does
 * a `ReplyContext` mapped with {@link ticketFieldsFromReplyContext}.
 */
export interface TicketFields {
  buyer?: string | undefined;
  orderId?: string | undefined;
  product?: string | undefined;
  trackingNo?: string | undefined;
  nativeId?: string | undefined;
  dueAt?: number | undefined;
  amountFen?: number | undefined;
  shopName?: string | undefined;
  platform?: Platform | undefined;
  kind?: TicketKind | undefined;
}

/** Maps the adapter's reply-box context onto ticket fields (the adapter names the ticket id `nativeId`). */
export function ticketFieldsFromReplyContext(ctx: ReplyContext): TicketFields {
  return {
    buyer: ctx.buyer,
    orderId: ctx.orderId,
    product: ctx.product,
    trackingNo: ctx.trackingNo,
    nativeId: ctx.nativeId,
  };
}

const nonBlank = (s: string | undefined): string | undefined =>
  s !== undefined && s.trim() !== '' ? s.trim() : undefined;

/**
 * Variable values from what is known about a ticket. Later sources win over earlier ones, so pass the
 * stored ticket first and the reply box's own context after it (the box is what the merchant sees).
 * `shopLabel` is the merchant's alias for the shop when they set one, else the page's shop name.
 */
export function valuesFromTicket(...sources: readonly (TicketFields | undefined)[]): VariableValues {
  const out: VariableValues = {};
  for (const f of sources) {
    if (!f) continue;
    const set = (key: VariableKey, v: string | undefined) => {
      const val = nonBlank(v);
      if (val !== undefined) out[key] = val;
    };
    set('buyer', f.buyer);
    set('orderId', f.orderId);
    set('product', f.product);
    set('trackingNo', f.trackingNo);
    set('ticketId', f.nativeId);
    set('shop', f.shopName);
    if (f.dueAt !== undefined) set('deadline', formatBeijing(f.dueAt));
    if (f.amountFen !== undefined) set('refundAmount', formatFen(f.amountFen));
  }
  return out;
}

/** True when the value counts as given (blank strings do not: they would insert nothing visible). */
export function hasValue(v: string | undefined): v is string {
  return v !== undefined && v.trim() !== '';
}
