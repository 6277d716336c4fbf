/**
 * A test-only readiness signal: when the harness turned it on (page-settings.ts, TEST_READINESS_KEY), the
 * page session writes what it has done as attributes on the document element, e.g.
 * `data-ticket-radar-badges="6"`, so browser tests wait for an event instead of sleeping. Off in normal use:
 * the seller page sees nothing of ours but the badges.
 */
export const READY_ATTR_PREFIX = 'data-ticket-radar-';

/**
 * What a page session announces: `page` (the recognised page kind, empty when none), `starts` (page starts:
 * load and each SPA navigation), `reads` (reads through the pipeline: stored with their views applied, or
 * found to carry nothing), `tickets` (views held), `scans` (DOM-text reads), `changes` (change frames run), `detects` (content checks of a page not yet recognised), `badges` (badges
 * mounted after the last mount pass).
 */

export interface Readiness {
  set(name: string, value: number | string): void;
  /** Writes (or removes) every attribute after the test flag changed. */
  refresh(): void;
}

export function createReadiness(doc: Document, enabled: () => boolean): Readiness {
  const values = new Map<string, string>();
  const write = (name: string, value: string) => {
    try {
      doc.documentElement?.setAttribute(READY_ATTR_PREFIX + name, value);
    } catch {
      /* never break the page */
    }
  };
  return {
    set(name, value) {
      const v = String(value);
      if (values.get(name) === v) return;
      values.set(name, v);
      if (enabled()) write(name, v);
    },
    refresh() {
      for (const [name, v] of values) {
        if (enabled()) write(name, v);
        else doc.documentElement?.removeAttribute(READY_ATTR_PREFIX + name);
      }
    },
  };
}
