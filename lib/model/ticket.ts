import { z } from 'zod';
import { SURFACE_IDS } from './surface';
import { PLATFORMS, TICKET_KINDS, TICKET_STATUSES } from './ticket-core';

// The plain parts (ids, kinds, statuses, keys) live in ticket-core.ts, which content scripts import without zod.
export * from './ticket-core';

export const PlatformSchema = z.enum(PLATFORMS);
export const TicketKindSchema = z.enum(TICKET_KINDS);
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export const SurfaceIdSchema = z.enum(SURFACE_IDS);

/**
 * Epoch milliseconds, plausible for marketplace data: after 2015-01-01 and before 2100.
 * Values further out than "a year ahead of now" are rejected by the parsers, which know `now`.
 */
export const EpochMsSchema = z
  .number()
  .int()
  .min(Date.UTC(2015, 0, 1))
  .max(Date.UTC(2100, 0, 1));

/** `platform` when the marketplace supplied the deadline, `rule:<id>` when computed from a rule. */
export const DueSourceSchema = z.union([z.literal('platform'), z.string().regex(/^rule:[a-z0-9][a-z0-9-]*$/)]);
export type DueSource = z.infer<typeof DueSourceSchema>;

/** A platform deadline as the page gave it, before it is resolved to an instant. */
export const PlatformDeadlineSchema = z.discriminatedUnion('type', [
  /** An instant (`deadline`, `status_deadline`, a timeout timestamp). */
  z.object({ type: z.literal('at'), at: EpochMsSchema }),
  /** Time left (`expireRemainTime`, "剩余23小时"), relative to when the response or page was read. */
  z.object({ type: z.literal('remaining'), ms: z.number().int(), receivedAt: EpochMsSchema }),
]);
export type PlatformDeadline = z.infer<typeof PlatformDeadlineSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * What an adapter read from a page, before the background merges it with what was stored.
 * Adapters produce these; only the background turns them into Tickets.
 */
export const RawTicketSchema = z.object({
  platform: PlatformSchema,
  /**
   * The list the record belongs to (lib/model/surface.ts), set by every reader of its pages (JSON, React
   * record, DOM text, detail page). Certain where any page word is not: the key family and the rules go by it.
   */
  surface: SurfaceIdSchema,
  shopId: text(64),
  shopName: text(120).optional(),
  nativeId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/),
  kind: TicketKindSchema,
  title: text(200),
  status: TicketStatusSchema,
  orderId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  buyer: text(80).optional(),
  product: text(200).optional(),
  amountFen: z.number().int().nonnegative().optional(),
  trackingNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{4,40}$/)
    .optional(),
  createdAt: EpochMsSchema.optional(),
  /** When the order shipped, where a page shows it (Taobao 催发货: pickup within 24 h of shipping). */
  shippedAt: EpochMsSchema.optional(),
  deadline: PlatformDeadlineSchema.optional(),
  /**
   * The page showed a deadline we could not read. No rule deadline is computed then: a guess next to
   * a platform countdown the merchant can see would be a wrong deadline (show none instead).
   */
  deadlineUnreadable: z.literal(true).optional(),
  urgent: z.boolean(),
  /**
   * Whose move it is, where the page's status words say (待商家处理 / 待买家退货 / 平台介入中). An after-sale
   * step's countdown on the buyer's or platform's turn is their deadline, not the merchant's: shown, never
   * alerted. Absent when the reader cannot tell; the newest read that can tell wins.
   */
  turn: z.enum(['merchant', 'buyer', 'platform']).optional(),
  tags: z.array(text(20)).max(20),
  url: z.url({ protocol: /^https$/ }),
});
export type RawTicket = z.infer<typeof RawTicketSchema>;

/** A change of the platform's deadline (时效延长 and the like), kept for explain() and diagnostics. */
export const DueChangeSchema = z.object({ from: EpochMsSchema, to: EpochMsSchema, seenAt: EpochMsSchema });
export type DueChange = z.infer<typeof DueChangeSchema>;

/** The stored ticket: one row per ticketKey (`${platform}:${shopId}:${family}:${nativeId}`). */
export const TicketSchema = RawTicketSchema.omit({ deadline: true }).extend({
  key: z.string().min(5).max(200),
  /** The platform's own deadline resolved to an instant; wins over rules. */
  platformDueAt: EpochMsSchema.optional(),
  /** The deadline shown and acted on (platform first, then rules); absent when none can be trusted. */
  dueAt: EpochMsSchema.optional(),
  dueSource: DueSourceSchema.optional(),
  dueHistory: z.array(DueChangeSchema).max(50),
  firstSeenAt: EpochMsSchema,
  lastSeenAt: EpochMsSchema,
  /**
   * The page kind (`pdd.work-order-list`) whose complete listings decide `unseenSince`: the last page that
   * listed the ticket completely, else the first page that read it (possibly a detail page). Not `surface`:
   * that is the list the record belongs to, whichever page read it.
   */
  listedOn: z.string().max(60).optional(),
  /** Set when a page that used to list the ticket stopped listing it. The ticket is kept, never deleted. */
  unseenSince: EpochMsSchema.optional(),
  /**
   * First seen on a shop and surface that had a complete listing before (lib/freshness/new-tickets.ts): a new
   * ticket. The popup marks it until `openedAt` is set (the merchant opened it once).
   */
  newSince: EpochMsSchema.optional(),
  openedAt: EpochMsSchema.optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;
