/**
 * Which shop is logged in [modelled]. The seller center shows the seller nick in its header; no public
 * source names its class, so broad class fragments are tried most specific first (selectors.ts), never
 * inside a table or buyer block (a buyer nick must never become a shop).
 */
import { fallbackShop } from '../shared';
import type { ShopIdentity } from '../types';
import { norm } from '../dom';
import * as sel from './selectors';

const MAX_NAME = 60;

function acceptable(el: Element): string | undefined {
  if (el.closest(sel.notShopScope)) return undefined;
  const text = norm(el.textContent);
  if (!text || text.length > MAX_NAME || sel.notShopText.test(text)) return undefined;
  // `店铺:客服` (a sub-account) belongs to the shop before the colon: all staff land in one shop.
  const shop = norm(text.split(sel.subAccountSeparator)[0]);
  return shop || undefined;
}

/** The seller nick shown on the page, if any. */
export function shopNameFrom(root: ParentNode): string | undefined {
  const scopes: ParentNode[] = [...sel.shopScopes.flatMap((s) => [...root.querySelectorAll(s)]), root];
  for (const s of sel.shopName) {
    for (const scope of scopes) {
      for (const el of scope.querySelectorAll(s)) {
        const name = acceptable(el);
        if (name) return name;
      }
    }
  }
  return undefined;
}

/**
 * Taobao and Tmall shops share the platform id `taobao`. No shop id is known on the page, so the nick
 * keys the shop (`fallbackShop`): stable across reloads, and the same for every sub-account.
 */
export const shopFrom = (root: ParentNode): ShopIdentity => fallbackShop(shopNameFrom(root));
