/**
 * The list surfaces kept fresh (issue 14): page kinds from the adapters' registries (lib/adapters/<id>/pages.ts)
 * whose complete listings say which open tickets exist. Detail and chat pages are never reloaded: a reload there
 * would only disturb the merchant and tells nothing about new tickets.
 *
 * Nothing marketplace-specific is written here: the surfaces come from lib/model/surface.ts, the URLs from the
 * adapters' page examples, and the login / verification pages from each adapter's `signedOut` ([modelled]).
 */
import { adapters } from '../adapters/registry';
import type { Platform } from '../model/ticket';
import { SURFACES, type SurfaceId } from '../model/surface';

export interface ListSurface {
  /** The adapter's page kind (`pdd.work-order-list`), also `pageKind` of ingest batches and `listedOn`. */
  surface: SurfaceId;
  platform: Platform;
  /** Where the optional background tab goes: the list page's first example URL (contract-tested). */
  openUrl: string;
}

/** Every surface of lib/model/surface.ts with the adapter's list page of the same kind; derived, never listed. */
export const LIST_SURFACES: readonly ListSurface[] = SURFACES.flatMap((s) => {
  const page = adapters.find((a) => a.id === s.platform)?.pages.find((p) => p.kind === s.id);
  const openUrl = page?.examples[0];
  return openUrl ? [{ surface: s.id, platform: s.platform, openUrl }] : [];
});

const BY_SURFACE = new Map<string, ListSurface>(LIST_SURFACES.map((s) => [s.surface, s]));

/** The list surface of a page kind, or undefined for detail/chat pages and unknown kinds. */
export const listSurface = (pageKind: string): ListSurface | undefined => BY_SURFACE.get(pageKind);

export type SignedOutKind = 'logged-out' | 'verification';

/** Login and verification pages a reload may land on, as each adapter recognises them. Pure. */
export function signedOutKind(url: string | undefined): SignedOutKind | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  for (const a of adapters) {
    const kind = a.signedOut?.(u);
    if (kind) return kind;
  }
  return undefined;
}
