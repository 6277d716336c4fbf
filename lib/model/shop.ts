import { z } from 'zod';
import { EpochMsSchema, PlatformSchema } from './ticket';

/** A shop seen on a seller page. Shop ids come from responses or the page; see each adapter's shop.ts. */
export const ShopSchema = z.object({
  key: z.string().min(3).max(100),
  platform: PlatformSchema,
  shopId: z.string().min(1).max(64),
  name: z.string().max(120).optional(),
  /** The merchant's own label; wins over the page's name in the UI. */
  alias: z.string().max(40).optional(),
  /** Muted shops are still stored but raise no alerts. */
  muted: z.boolean(),
  firstSeenAt: EpochMsSchema,
  lastSeenAt: EpochMsSchema,
});
export type Shop = z.infer<typeof ShopSchema>;
