import { z } from 'zod';
import { SurfaceIdSchema } from '../model/ticket';
import { PlatformSchema, TicketKindSchema } from '../model/ticket';

/** `HH:mm`, 00:00 to 24:00 inclusive; 24:00 is the exclusive end of a day. */
export const ClockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/);

/**
 * A span of a day when a clock runs. `end` before `start` means it runs past midnight (22:00–02:00).
 * `end` is exclusive: 09:00–21:00 stops counting at 21:00:00.000.
 */
export const SegmentSchema = z
  .object({ start: ClockTimeSchema, end: ClockTimeSchema })
  .refine((s) => s.start !== s.end, 'a segment needs a length');
export type Segment = z.infer<typeof SegmentSchema>;

/**
 * When time counts. `calendar`: always. `windows`: only inside the segments, on every day or only on
 * working days (chinese-days calendar: holidays off, make-up workdays on).
 */
export const ClockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('calendar') }),
  z.object({
    type: z.literal('windows'),
    segments: z.array(SegmentSchema).min(1).max(12),
    days: z.enum(['every', 'workdays']),
  }),
]);
export type Clock = z.infer<typeof ClockSchema>;

/** One row of the deadline rule table (sla-rules.md). The first enabled matching rule in order wins. */
export const RuleSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(48),
  name: z.string().trim().min(1).max(60),
  enabled: z.boolean(),
  match: z.object({
    /**
     * The lists the rule applies to (lib/model/surface.ts); empty: any list where rules apply. Known for
     * certain from where a ticket was read, so the default rules match on it first; tags and kinds only
     * refine within it. Rules stored before surfaces existed read as empty (upgradeRules fixes the defaults).
     */
    surfaces: z.array(SurfaceIdSchema).max(20).default([]),
    /** Empty: any platform. */
    platforms: z.array(PlatformSchema),
    /** Empty: any kind. */
    kinds: z.array(TicketKindSchema),
    /** The ticket must carry at least one of these tags; empty: no tag needed. */
    tagsAny: z.array(z.string().min(1).max(20)),
    /** Only urgent tickets (true), only non-urgent (false), or either (absent). */
    urgent: z.boolean().optional(),
  }),
  budgetMs: z
    .number()
    .int()
    .positive()
    .max(30 * 24 * 3600_000),
  clock: ClockSchema,
  /**
   * When the clock starts: the ticket's creation (default), or the order's shipping
   * (taobao-pickup-after-urge-ship: picked up within 24 h of shipping). A rule whose start is unknown does
   * not match, so the next rule applies; with no rule left there is no deadline.
   */
  startFrom: z.enum(['created', 'shipped']).optional(),
  /** Informational rules are shown but never raise alerts (pdd-order-review). */
  informational: z.boolean().optional(),
});
export type Rule = z.infer<typeof RuleSchema>;
