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
  /** The English key, also accepted as a token: `{buyer}`. UI labels and hints are messages (variable-labels.ts). */
  en: string;
  source: VariableSource;
}

/** The catalogue, in the order the editor shows its variable chips. */
export const VARIABLES: readonly VariableDef[] = [
  { key: 'buyer', zh: '买家', en: 'buyer', source: 'ticket:buyer' },
  { key: 'orderId', zh: '订单号', en: 'orderId', source: 'ticket:orderId' },
  { key: 'product', zh: '商品', en: 'product', source: 'ticket:product' },
  {
    key: 'trackingNo',
    zh: '运单号',
    en: 'trackingNo',
    source: 'ticket:trackingNo',
  },
  {
    key: 'newTrackingNo',
    zh: '新运单号',
    en: 'newTrackingNo',
    source: 'manual',
  },
  {
    key: 'carrier',
    zh: '快递公司',
    en: 'carrier',
    source: 'manual',
  },
  { key: 'shop', zh: '店铺', en: 'shop', source: 'shop' },
  {
    key: 'deadline',
    zh: '截止时间',
    en: 'deadline',
    source: 'ticket:dueAt',
  },
  {
    key: 'refundAmount',
    zh: '退款金额',
    en: 'refundAmount',
    source: 'ticket:amountFen',
  },
  { key: 'ticketId', zh: '工单号', en: 'ticketId', source: 'ticket:nativeId' },
  // The three below are the parts of a service reply only the merchant can write. Making them variables
  // (not 「请填写…」 placeholder text) means the picker asks for them and a template can never be sent
  // with the placeholder still in it.
  {
    key: 'issue',
    zh: '问题',
    en: 'issue',
    source: 'manual',
  },
  {
    key: 'solution',
    zh: '处理方案',
    en: 'solution',
    source: 'manual',
  },
  { key: 'progress', zh: '处理进展', en: 'progress', source: 'manual' },
];

const BY_KEY = new Map<VariableKey, VariableDef>(VARIABLES.map((v) => [v.key, v]));
/** Token name → key. zh names and en keys both resolve; lookups are exact (tokens are typed as shown). */
const BY_TOKEN = new Map<string, VariableKey>(
  VARIABLES.flatMap((v) => [[v.zh, v.key] as const, [v.en, v.key] as const]),
);

/** The catalogue entry for a key. */
export function variableDef(key: VariableKey): VariableDef {
  // Every key is in the catalogue (checked by a test), so this never falls back in practice.
  return BY_KEY.get(key) ?? { key, zh: key, en: key, source: 'manual' };
}

/** Resolves a token name (`买家` or `buyer`, without braces) to a key; undefined for unknown names. */
export function variableForToken(name: string): VariableKey | undefined {
  return BY_TOKEN.get(name.trim());
}

/** The token a body should contain for a key: `{买家}`. */
export function variableToken(key: VariableKey): string {
  return `{${variableDef(key).zh}}`;
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
    amountFen: yuanToFen(ctx.refundAmount),
  };
}

/** `12.3` / `12.30` (yuan, as pages write it) → 1230 fen; anything else → undefined. */
export function yuanToFen(yuan: string | undefined): number | undefined {
  const m = yuan === undefined ? null : /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(yuan.trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
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
