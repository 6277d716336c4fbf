/**
 * Manifest-style host patterns, alone (no protocol, no zod): lib/tabs.ts checks ticket links with it in the
 * popup, whose first row must not wait for the message schemas. sender.ts re-exports it.
 */

/** Host patterns like `https://mms.pinduoduo.com/*` → does the URL belong to one. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  const hostOk = host.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const pathRe = new RegExp(
    '^' +
      path
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return hostOk && pathRe.test(url.pathname);
}
