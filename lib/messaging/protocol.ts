/**
 * The typed message protocol between content scripts / extension pages and the background worker.
 * Every request is validated with zod in the background, and its sender is checked (sender.ts).
 */
import { z } from 'zod';
import { DueSourceSchema, PlatformSchema, TicketKindSchema, type RawTicket, TicketStatusSchema } from '../model/ticket';
import { HealthReportSchema } from '../diagnostics/health';
import { SearchIndexSchema } from '../templates/search';
import { BackupWritesSchema } from '../backup/plan';
import { MAX_BODY_CHARS, MAX_PARTS, MAX_RECORDS, MAX_REQUEST_CHARS, PART_CHARS } from '../overlay/page-channel';

/** What a badge needs to know of a stored ticket. */
export const TicketViewSchema = z.object({
  key: z.string(),
  nativeId: z.string(),
  orderId: z.string().optional(),
  status: TicketStatusSchema,
  /** Whose move it is (after-sale steps); a buyer's or platform's countdown is shown, never as overdue. */
  turn: z.enum(['merchant', 'buyer', 'platform']).optional(),
  dueAt: z.number().optional(),
  dueSource: DueSourceSchema.optional(),
  budgetMs: z.number().optional(),
  /** Readable steps of how the deadline was found (explain()). */
  explain: z.array(z.string()).max(40),
  buyer: z.string().optional(),
  product: z.string().optional(),
  title: z.string(),
  kind: TicketKindSchema,
  amountFen: z.number().optional(),
  trackingNo: z.string().optional(),
  shopName: z.string().optional(),
});
export type TicketView = z.infer<typeof TicketViewSchema>;

const ShopRef = z.object({ shopId: z.string().min(1).max(64), name: z.string().max(120).optional() });

/** A page session's shop as the identity owner decided it (lib/identity/shop.ts). */
const ShopIdentitySchema = ShopRef.extend({ confidence: z.enum(['page', 'fallback']) });

const StandInSchema = z.object({ shopId: z.string().min(1).max(64), nativeIds: z.array(z.string().max(64)).max(2000) });

/**
 * The worker's answer to `pages/read`: it read the copy and stored what it found in the same hop (issue 12),
 * so the page gets back what it needs for the next read and for the badges, not the tickets.
 */
export const ReadAnswerSchema = z.object({
  /** The page session's shop after this read (lib/identity/shop.ts batchOfRead). */
  shop: ShopIdentitySchema,
  /** The badges' views of the stored tickets. */
  views: z.array(TicketViewSchema).max(10_000),
  issues: z.array(z.object({ code: z.string().max(60), detail: z.string().max(300) })).max(200),
  loggedOut: z.boolean().optional(),
  /** Stand-in shops (of the request's `standIns`) whose tickets moved to the real shop with this read. */
  handedOver: z.array(z.string().max(64)).max(8),
  /** Stored under a stand-in shop: its ids, for the session to hand over when the real shop appears. */
  standIn: z
    .object({ shopId: z.string().min(1).max(64), nativeIds: z.array(z.string().max(64)).max(10_000) })
    .optional(),
});
export type ReadAnswer = z.infer<typeof ReadAnswerSchema>;

/** A body sent ahead in parts (`pages/part`): which upload, how many parts, how many characters in all. */
const BodyPartsRef = z.object({
  upload: z.string().min(1).max(40),
  parts: z.number().int().min(1).max(MAX_PARTS),
  chars: z.number().int().min(0).max(MAX_BODY_CHARS),
});

export const RequestSchema = z.discriminatedUnion('type', [
  /** Tickets an adapter read on a page. */
  z.object({
    type: z.literal('tickets/ingest'),
    platform: PlatformSchema,
    pageKind: z.string().max(60),
    shop: ShopRef,
    /**
     * As the page read them. Validated one by one in the worker (lib/adapters/validate.ts), before anything
     * else looks at the batch: an invalid ticket is dropped and recorded, the rest of the batch is stored.
     */
    tickets: z.array(z.unknown()).max(500),
    complete: z.boolean(),
    /** With `complete`: the listing only covers tickets created from this instant on (a date filter). */
    completeSince: z.number().optional(),
    /**
     * Stand-in shops (fallback ids) this page session stored tickets under before `shop` was known, with
     * those tickets' ids: the worker moves them to `shop` in one transaction (lib/db/shops-repo.ts).
     */
    supersedes: z.array(StandInSchema).max(8).optional(),
  }),
  /**
   * What the MAIN-world hook copied on a page (a response body, React row records), for the worker to read
   * with the adapter's readers (lib/background/read.ts): the page's thread never parses or validates it. The
   * worker decides the shop from the read and the session's evidence, stores the tickets through the same
   * checks as `tickets/ingest` (one hop, issue 12) and answers with the shop and the badges' views.
   */
  z.object({
    type: z.literal('pages/read'),
    platform: PlatformSchema,
    pageKind: z.string().max(60),
    /** The content script's clock when the data arrived: remaining-time values count from here. */
    now: z.number().finite(),
    pageUrl: z.string().max(4000),
    /** The shop the page session has identified so far. */
    shop: ShopIdentitySchema.optional(),
    /** What the page's header shows (`adapter.shopFromDocument`, read on the page): evidence for the shop. */
    documentShop: ShopIdentitySchema.optional(),
    /** Tickets the session stored under stand-in shops: they move with this read once the shop is real. */
    standIns: z.array(StandInSchema).max(8).optional(),
    source: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('response'),
        endpoint: z.string().max(60),
        url: z.string().max(4000),
        body: z.string().max(MAX_BODY_CHARS),
        requestBody: z.string().max(MAX_REQUEST_CHARS).optional(),
        /**
         * A body over PART_CHARS was sent ahead in `pages/part` messages (one runtime message of 2 M
         * characters is ~30 ms of the page's thread): `body` is then empty and the worker reads the upload
         * (lib/background/body-parts.ts).
         */
        bodyParts: BodyPartsRef.optional(),
      }),
      z.object({ kind: z.literal('records'), records: z.array(z.unknown()).max(MAX_RECORDS) }),
    ]),
  }),
  /**
   * Part `seq` of a body `pages/read` will name by `upload` (lib/overlay/messages.ts): PART_CHARS characters,
   * the last part what is left. The worker keeps the parts per page session until the read takes them.
   */
  z.object({
    type: z.literal('pages/part'),
    upload: z.string().min(1).max(40),
    seq: z
      .number()
      .int()
      .min(0)
      .max(MAX_PARTS - 1),
    parts: z.number().int().min(1).max(MAX_PARTS),
    text: z.string().max(PART_CHARS),
  }),
  /** Read failures for the health log. */
  z.object({ type: z.literal('health/report'), reports: z.array(HealthReportSchema).max(50) }),
  /** Templates for a reply box on a page. */
  z.object({
    type: z.literal('templates/for-page'),
    platform: PlatformSchema,
    shopKey: z.string().max(100).optional(),
  }),
  z.object({ type: z.literal('templates/used'), id: z.string().max(64) }),
  /** The page's 下一个 → control: open the most urgent ticket not opened this round (lib/tickets/next.ts). */
  z.object({ type: z.literal('tickets/next') }),
  /** Whether the merchant is using this tab (lib/features/freshness-indicator.ts): decides if it may be reloaded. */
  z.object({
    type: z.literal('freshness/activity'),
    /** One content-script instance (a frame of the tab): frames report apart and the worker ORs them. */
    frame: z.string().min(1).max(40),
    /** Last keypress, click or scroll in the page (epoch ms). */
    lastInputAt: z.number().optional(),
    /** An input, textarea or contenteditable has focus or holds typed text. */
    draft: z.boolean(),
    /** Our template picker is open. */
    picker: z.boolean(),
    /** The merchant paused (true) or resumed (false) auto-refresh for this tab; absent: unchanged. */
    paused: z.boolean().optional(),
  }),
  /** Per-shop freshness for the popup (lib/freshness/summary.ts). */
  z.object({ type: z.literal('freshness/shops') }),
  /** The popup opened these tickets: they are no longer marked new. */
  z.object({ type: z.literal('tickets/opened'), keys: z.array(z.string().max(200)).max(500) }),
  /**
   * 确认导入 of a backup (options page only): the worker writes it, so closing the tab cannot cut it in half
   * (lib/backup/apply.ts).
   */
  z.object({ type: z.literal('backup/apply'), writes: BackupWritesSchema }),
]);
export type Request = z.infer<typeof RequestSchema>;

/** What the page indicator shows (reply to `freshness/activity`, and pushed to the tab after a read). */
export const FreshnessStateSchema = z.object({
  /** The tab shows a list surface of a known shop. */
  watched: z.boolean(),
  /** Auto-refresh is on for the platform. */
  on: z.boolean(),
  paused: z.boolean(),
  intervalMin: z.number(),
  lastReadAt: z.number().optional(),
});
export type FreshnessState = z.infer<typeof FreshnessStateSchema>;

/** Worker → tab push after a read of the tab's surface. */
export { FRESHNESS_PUSH } from './constants';
export type RequestType = Request['type'];
/** `tickets/ingest` once its tickets are validated (what the page means to send, and what the worker stores). */
export type ValidIngest = Omit<Extract<Request, { type: 'tickets/ingest' }>, 'tickets'> & { tickets: RawTicket[] };
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

export const ResponseSchemas = {
  'tickets/ingest': z.object({ ok: z.literal(true), views: z.array(TicketViewSchema) }),
  'pages/read': z.object({ ok: z.literal(true), result: ReadAnswerSchema }),
  'pages/part': z.object({ ok: z.literal(true) }),
  'health/report': z.object({ ok: z.literal(true) }),
  /** Templates for the page with their pinyin search index, built in the worker (see search-index.ts). */
  'templates/for-page': z.object({ ok: z.literal(true), index: SearchIndexSchema }),
  'templates/used': z.object({ ok: z.literal(true) }),
  /** `key` of the ticket opened; absent when the queue is empty. */
  'tickets/next': z.object({ ok: z.literal(true), key: z.string().optional() }),
  'freshness/activity': z.object({ ok: z.literal(true), state: FreshnessStateSchema }),
  // The rows are built by the worker from validated storage; the popup renders them as they come.
  'freshness/shops': z.object({ ok: z.literal(true), shops: z.array(z.record(z.string(), z.unknown())) }),
  'tickets/opened': z.object({ ok: z.literal(true) }),
  'backup/apply': z.object({
    ok: z.literal(true),
    rows: z.object({ tickets: z.number(), shops: z.number(), templates: z.number() }),
    settings: z.boolean(),
  }),
} satisfies Record<RequestType, z.ZodType>;

export type ResponseFor<T extends RequestType> = z.infer<(typeof ResponseSchemas)[T]>;

/** Requests content scripts may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set([
  'tickets/ingest',
  'pages/read',
  'pages/part',
  'health/report',
  'templates/for-page',
  'templates/used',
  'tickets/next',
  'freshness/activity',
]);
