/**
 * The manifest facts computed from the marketplaces' meta.ts: host permissions, the picker panel's
 * web_accessible_resources matches and the content scripts' matches. No imports, so a MAIN-world hook
 * imports only this and its own meta.ts; wxt.config.ts passes the whole catalog.
 */
import type { MarketplaceMeta } from './meta-types';

/** Manifest match patterns of one marketplace's seller centers (`https://<host>/*`). */
export const matchesOf = (meta: Pick<MarketplaceMeta, 'hosts'>): string[] => meta.hosts.map((h) => `https://${h}/*`);

/**
 * The manifest keys that list the seller hosts, for the given marketplaces. The template picker's panel
 * (React) is imported by the content scripts the first time it opens (lib/features/template-picker.ts), so it
 * must be reachable from the seller pages' origins.
 */
export function manifestHosts(metas: readonly Pick<MarketplaceMeta, 'hosts'>[]): {
  host_permissions: string[];
  web_accessible_resources: { resources: string[]; matches: string[] }[];
} {
  const matches = [...new Set(metas.flatMap(matchesOf))];
  return {
    host_permissions: matches,
    web_accessible_resources: [{ resources: ['picker-panel.js'], matches }],
  };
}
