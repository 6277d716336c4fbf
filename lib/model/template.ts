import { z } from 'zod';
import { EpochMsSchema, PlatformSchema, TicketKindSchema } from './ticket';

/** A reply template. Variables in `body` look like `{买家}`; see lib/templates/variables.ts. */
export const TemplateSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(60),
  body: z.string().min(1).max(2000),
  scope: z.object({
    /** Empty: every platform. */
    platforms: z.array(PlatformSchema),
    /** Empty: every kind. */
    kinds: z.array(TicketKindSchema),
    /** Shop keys (`platform:shopId`); empty: every shop. */
    shops: z.array(z.string().max(100)),
  }),
  folder: z.string().trim().max(40),
  tags: z.array(z.string().trim().min(1).max(20)).max(20),
  /**
   * A reminder for the merchant shown beside the picker's preview and never inserted
   * (e.g. 「请上传聊天记录截图作为凭证」). Optional, so rows written before it existed stay valid.
   */
  note: z.string().trim().max(200).optional(),
  /** A short code typed in the picker's search box to jump to this template, e.g. `/tk`. */
  shortcut: z.string().trim().max(20).optional(),
  usageCount: z.number().int().nonnegative(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  /** Set on shipped defaults, so a later default set can update untouched copies. */
  origin: z.enum(['default', 'user', 'import']),
});
export type Template = z.infer<typeof TemplateSchema>;
