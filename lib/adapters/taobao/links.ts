/** Links from a ticket to the page that shows it. */
import { isTaobaoHost } from './pages';
import * as sel from './selectors';

const SELLER_CENTER = 'https://myseller.taobao.com';

/**
 * The row's own link to the ticket when it has one (an https link whose href carries the id, or whose text
 * says 详情/查看/处理), else the list page itself. Only https links on Taobao/Tmall hosts are taken: page
 * text must not send the merchant anywhere else.
 */
export function ticketUrl(row: Element, nativeId: string, pageUrl: URL): string {
  const links = [...row.querySelectorAll<HTMLAnchorElement>(sel.detailLink)];
  const link =
    links.find((a) => (a.getAttribute('href') ?? '').includes(nativeId)) ??
    links.find((a) => sel.detailLinkText.test(a.textContent ?? ''));
  const href = link?.getAttribute('href');
  if (href) {
    try {
      const u = new URL(href, pageUrl);
      if (u.protocol === 'https:' && /(?:^|\.)(?:taobao|tmall)\.com$/.test(u.hostname)) return u.href;
    } catch {
      // An unparsable href falls through to the list page.
    }
  }
  return listUrl(pageUrl);
}

/** The list page itself, on the real seller-center origin (a local stand-in page may be served over http). */
export function listUrl(pageUrl: URL): string {
  const origin = isTaobaoHost(pageUrl) ? `https://${pageUrl.hostname}` : SELLER_CENTER;
  return new URL(pageUrl.pathname, origin).href;
}
