/**
 * What a page feature is (conventions.md: "a feature by copying a file"). A feature is declared once in
 * registry.ts as `{ id, init }`; the page session calls `init` for every recognised page with that page's
 * signal (aborted on SPA navigation and when the extension goes away), and attributes anything the feature
 * reports or throws to its id in the health log. Features know the adapter interface, never a marketplace.
 */
import type { PageAdapter, PageDef, ReadIssue, RowAnchor } from '../adapters/types';
import type { TicketView } from '../messaging/protocol';
import type { FeatureId } from '../model/settings-defaults';
import type { PageSettings } from '../overlay/page-settings';

/** What the page session shares with its features. */
export interface PageSession {
  readonly win: Window & typeof globalThis;
  readonly doc: Document;
  now(): number;
  settings(): PageSettings;
  /** The stored view of a ticket shown on this page, by native id or order id. */
  viewFor(ref: { nativeId?: string | undefined; orderId?: string | undefined }): TicketView | undefined;
  /** Keys of every view this page holds now: a badge whose key is not among them is stale. */
  liveKeys(): ReadonlySet<string>;
  /** The shop this page speaks for (lib/identity/shop.ts). */
  shop(): { shopId: string; name?: string | undefined };
  /** Rows on screen for this page (the adapter's anchors). */
  anchors(): RowAnchor[];
  /**
   * Calls back (batched to one animation frame) when views arrived or the page's DOM changed, until `signal`
   * aborts. Returns nothing: features tie their work to the page signal.
   */
  onChange(cb: () => void, signal: AbortSignal): void;
  /** Test-only readiness signal (readiness.ts): a feature announces what it has done. */
  ready(name: string, value: number): void;
}

export interface FeatureContext {
  adapter: PageAdapter;
  page: PageDef;
  signal: AbortSignal;
  /** Records an issue in the health log, attributed to this feature. */
  report(issue: ReadIssue): void;
  session: PageSession;
}

export interface Feature {
  id: FeatureId;
  /** Starts the feature on a page. May be async; a rejection is reported, never thrown into the page. */
  init(ctx: FeatureContext): void | Promise<void>;
}
