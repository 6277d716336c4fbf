/**
 * What the popup remembers between opens (filters, search, grouping, folded sections, the row last worked on),
 * in `browser.storage.local`. A damaged value reads as the default.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { PlatformSchema, TicketKindSchema } from '../model/ticket';

export const POPUP_VIEW_KEY = 'ticket-radar:popup-view';

export const PopupViewSchema = z.object({
  platform: PlatformSchema.optional(),
  shop: z.string().max(200).optional(),
  kind: TicketKindSchema.optional(),
  query: z.string().max(100),
  groupByShop: z.boolean(),
  /** Sections the merchant unfolded (waiting, unseen, set aside start folded). */
  unfolded: z.array(z.string().max(20)).max(20),
  /** The ticket the cursor was on. */
  activeKey: z.string().max(200).optional(),
});
export type PopupView = z.infer<typeof PopupViewSchema>;

export const DEFAULT_VIEW: PopupView = { query: '', groupByShop: false, unfolded: [] };

export async function loadPopupView(): Promise<PopupView> {
  const raw = (await browser.storage.local.get(POPUP_VIEW_KEY))[POPUP_VIEW_KEY];
  return PopupViewSchema.safeParse(raw).data ?? DEFAULT_VIEW;
}

export async function savePopupView(v: PopupView): Promise<void> {
  await browser.storage.local.set({ [POPUP_VIEW_KEY]: v });
}
