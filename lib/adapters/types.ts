/**
 * The contract between marketplaces and features. Adapters know marketplaces (URLs, endpoints, selectors,
 * field names); features (badges, picker, popup, alarms) know only this interface.
 *
 * Everything here is pure: readers take the parsed JSON or a DOM root plus a ReadContext, never touch
 * `document`, `window`, `Date.now()` or `browser.*`, and never throw (failures become `issues`).
 */
import type { SurfaceId } from '../model/surface';
import type { MarketplaceMeta } from './meta-types';
import type { Platform, RawTicket, TicketKind } from '../model/ticket';

/** `${platform}.${page}`, e.g. `pdd.work-order-list`. Stable: used in diagnostics and fixtures. */
export type PageKind = `${Platform}.${string}`;

/** What a reader knows besides its input. */
export interface ReadContext {
  /** When the response arrived or the DOM was read; remaining-time values count from here. */
  now: number;
  /** The page the data was read on (ticket links are built from its origin). */
  pageUrl: URL;
  /** The shop already identified on this page, if any. */
  shop?: ShopIdentity | undefined;
  /**
   * The request a response answered, when the page sent a JSON string body: its filters (status tab, date
   * range) decide whether a list is complete. Absent for DOM reads and for bodies we could not copy.
   */
  request?: { body: unknown } | undefined;
}

export interface ShopIdentity {
  shopId: string;
  name?: string | undefined;
  /** `page`: read from the page or a response; `fallback`: no id found, a stable per-platform stand-in. */
  confidence: 'page' | 'fallback';
}

/** Something a reader could not read. Recorded in the health log, never shown as a deadline. */
export interface ReadIssue {
  /** Short stable code: `not-logged-in`, `envelope`, `item-invalid`, `no-rows`, `field-missing`, … */
  code: string;
  /** What failed, for a person: which field, which item. No buyer data. */
  detail: string;
}

export interface ReadResult {
  tickets: RawTicket[];
  issues: ReadIssue[];
  /** A shop identified by this input. */
  shop?: ShopIdentity | undefined;
  /** The response says the session is not logged in. */
  loggedOut?: boolean;
  /**
   * True when the input is the complete list for its filter (e.g. `total` equals the items returned and
   * the filter is "all open"); open tickets of the same page kind that are missing are then marked unseen.
   */
  complete?: boolean;
  /**
   * With `complete`: the listing covers only tickets created at or after this instant (a date-range filter);
   * older open tickets missing from it are not marked unseen.
   */
  completeSince?: number | undefined;
}

/** Evidence: the fixture files a definition must match and how many times. */
export type Evidence = readonly (readonly [count: number, fixture: string])[];

/**
 * A JSON endpoint as the page side knows it: which copied responses to hand to the worker. Plain data in each
 * adapter's endpoints.ts, so the MAIN-world hook and the content script bundle the patterns without readers.
 */
export interface EndpointRef {
  /** Stable id, e.g. `pdd.todoList`. */
  id: string;
  /** Tested against the request URL's pathname. */
  path: RegExp;
}

/** A JSON endpoint whose responses carry tickets, with its reader (run in the worker, lib/background/read.ts). */
export interface EndpointDef extends EndpointRef {
  /** Fixture JSON files this endpoint's reader is tested against. */
  evidence: readonly string[];
  read(json: unknown, ctx: ReadContext): ReadResult;
}

/** A page the overlay recognises. */
export interface PageDef {
  kind: PageKind;
  /** Recognises the page from its URL (or its content, for [modelled] surfaces found by content). */
  match(url: URL, doc?: Document): boolean;
  /** URLs that must be recognised as this page and no other (contract test). */
  examples: readonly string[];
  /** Whether the page's content must be checked too (modelled surfaces); `match` then needs `doc`. */
  byContent?: boolean;
  /**
   * The list whose records this page shows (lib/model/surface.ts): a list page names itself, a detail page
   * its list. Every ticket read on the page carries it. Absent on pages without tickets (chat).
   */
  surface?: SurfaceId;
  /** Where tickets come from on this page. */
  sources: readonly ('responses' | 'react-records' | 'dom-text')[];
  /** A human name for diagnostics (zh-CN). */
  title: string;
  /**
   * How sure we are of the page (README of the adapter, marketplaces.md): `seen` several independent public
   * sources agree; `one-source` one public source; `modelled` no public source, waiting for a capture.
   */
  confidence: 'seen' | 'one-source' | 'modelled';
}

/** A row on screen that shows a ticket: where a badge anchors. */
export interface RowAnchor {
  /** The platform's ticket id shown in the row; rows that show only an order number set `orderId`. */
  nativeId?: string | undefined;
  orderId?: string | undefined;
  /** The element the badge is inserted into (appended as the last child). */
  slot: Element;
  row: Element;
}

/**
 * Values a reply box's surroundings give a template (order number, buyer, product …). `refundAmount` is the
 * amount as the page writes it, in yuan (`12.30`), only where the page labels it a refund (never the price paid).
 */
export type ReplyContext = Partial<
  Record<'orderId' | 'buyer' | 'product' | 'trackingNo' | 'nativeId' | 'refundAmount', string>
>;

export interface ReplyBox {
  element: HTMLTextAreaElement | HTMLInputElement | HTMLElement;
  /** The ticket this box answers, when the page says. */
  context: ReplyContext;
}

/**
 * The part of an adapter that runs in the content script (each adapter's `content.ts`): recognising pages,
 * finding rows, reading DOM text, reply boxes. No JSON or record readers and no zod here: what the hook copies
 * (responses, row records) is read in the worker by the full {@link MarketplaceAdapter} (issue 12), so the
 * page's thread never parses or validates a response.
 */
export interface PageAdapter {
  /** Stable id used in keys, rows, fixture folders (`meta.id`). Never rename without a migration. */
  readonly id: Platform;
  /** Everything known of the marketplace besides readers: names, colour, hosts, surfaces, rules, templates. */
  readonly meta: MarketplaceMeta;
  /** Manifest match patterns of the seller centers (`matchesOf(meta)`, lib/adapters/manifest.ts). */
  readonly matches: readonly string[];
  readonly pages: readonly PageDef[];
  /** Which copied responses carry tickets (their readers are the full adapter's `endpoints`). */
  readonly endpoints: readonly EndpointRef[];
  /**
   * The adapter's selectors.ts module: every selector, list of fallbacks and pattern, each selector `x` with
   * its evidence `xEvidence` beside it. The contract test checks every claim of every adapter.
   */
  readonly selectors: Readonly<Record<string, unknown>>;
  /** Which shop is logged in, from the page when the responses do not say. Pure; never throws. */
  shopFromDocument(doc: Document, url: URL): ShopIdentity;
  /** Rows on screen for a page kind. */
  rows(root: ParentNode, page: PageKind): RowAnchor[];
  /** DOM-text fallback reader for rows (and the only reader on dom-text pages). */
  readRows?(root: ParentNode, page: PageKind, ctx: ReadContext): ReadResult;
  /** Reply boxes a template can be inserted into. */
  replyBoxes?(root: ParentNode, page: PageKind): ReplyBox[];
  /**
   * The page a reload lands on when the session is gone (`logged-out`) or the platform wants a verification
   * (captcha, slider), recognised by URL; undefined for any other page. Pure; never throws.
   */
  signedOut?(url: URL): 'logged-out' | 'verification' | undefined;
}

/** A whole adapter: the page part and the readers of what the hook copies, which the worker runs. */
export interface MarketplaceAdapter extends PageAdapter {
  readonly endpoints: readonly EndpointDef[];
  /** Reads a React row record (strategy 2), already cloned out of the page as JSON. */
  readRecord?(record: unknown, page: PageKind, ctx: ReadContext): ReadResult;
}

/** Maps a marketplace's own words for a ticket type to our kinds; exported for tests and docs. */
export type KindMap = readonly (readonly [pattern: RegExp, kind: TicketKind])[];
