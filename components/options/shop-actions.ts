/**
 * Form helpers for the two shop fields the merchant edits (alias, muted); the writes themselves live in
 * lib/db/shops-repo.ts beside ingestBatch, which keeps both fields when it refreshes a shop.
 */
import { ShopSchema } from '@/lib/model/shop';

const AliasSchema = ShopSchema.shape.alias.unwrap();

/** Trims and checks an alias as typed; `''` removes it. Undefined when it is too long. */
export function normaliseAlias(typed: string): string | undefined {
  const v = typed.trim();
  return AliasSchema.safeParse(v).success ? v : undefined;
}

export { isFallbackShopId } from '@/lib/db/shops-repo';
