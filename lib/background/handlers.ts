/**
 * Background message handling as a plain function of (message, sender, deps), so unit tests call it
 * directly (fakeBrowser's onMessage has no sendResponse). The entrypoint only wires it to runtime.onMessage.
 */
import type { RadarDb } from '../db/schema';
import { ingestBatch } from '../db/tickets-repo';
import { rekeyFallbackShop, resolveShopId } from '../db/shops-repo';
import { foldHealth, HEALTH_MAX_ENTRIES, healthId } from '../diagnostics/health';
import type { Settings } from '../model/settings';
import {
  RequestSchema,
  type ReadAnswer,
  type Request,
  type RequestOf,
  type ResponseFor,
  type ValidIngest,
} from '../messaging/protocol';
import { validateTickets } from '../adapters/validate';
import type { ReadIssue } from '../adapters/types';
import { checkSender, sessionOf, type SenderLike } from '../messaging/sender';
import { adapters } from '../adapters/registry';
import { createSessionGuard, type GuardVerdict, type SessionGuard } from './session-guard';
import { batchOfRead } from '../identity/shop';
import { OPEN_TICKET_CAP } from './caps';
import type { Platform } from '../model/ticket';
import { uiLocale } from '../i18n';
import { toView } from './views';
import { withRuleLabels } from '../rule-label';
import { buildSearchIndex } from '../templates/search-index';
import { openNextTicket } from '../tickets/next';
import type { FreshnessHooks } from '../freshness/worker';
import { applyBackupWrites, type SettingsIo } from '../backup/apply';
import type { MarketplaceAdapter } from '../adapters/types';
import { answerOf, readCopied } from './read';
import { createBodyParts, withUploadedBody, type BodyParts } from './body-parts';

export interface HandlerDeps {
  db: RadarDb;
  now: () => number;
  settings: () => Promise<Settings>;
  self: { id: string; origin: string };
  marketplaceMatches: readonly string[];
  /** Called after tickets changed (alarms re-plan, toolbar badge). */
  onTicketsChanged?: () => void;
  /** Called with `[old key, new key]` after tickets moved from a stand-in shop to the real one (snoozes follow). */
  onTicketsRekeyed?: (moved: [string, string][]) => Promise<void>;
  /** Keeping lists fresh (issue 14, lib/freshness/worker.ts): told of every read and failure; answers its requests. */
  freshness?: FreshnessHooks;
  log?: (msg: string) => void;
  /** Which shop and surface each page session may write (session-guard.ts); one per worker. */
  guard?: SessionGuard;
  /** Settings storage for imports (`backup/apply`). */
  settingsIo?: SettingsIo;
  /** The readers of `pages/read` (default: the shipped adapters, lib/adapters/registry.ts; tests add their own). */
  adapters?: readonly MarketplaceAdapter[];
  /** Long bodies sent ahead of their `pages/read` (body-parts.ts); default: one store per worker life. */
  bodyParts?: BodyParts;
}

let workerBodyParts: BodyParts | undefined;

const defaultGuards = new WeakMap<HandlerDeps, SessionGuard>();
const guardOf = (deps: HandlerDeps) => {
  if (deps.guard) return deps.guard;
  let g = defaultGuards.get(deps);
  if (!g) defaultGuards.set(deps, (g = createSessionGuard(deps.now)));
  return g;
};

/** Is `pageKind` the page the browser says the sender is on? (Pages found by content: same marketplace.) */
function surfaceMatchesUrl(platform: Platform, pageKind: string, senderUrl: string | undefined): boolean {
  try {
    const url = new URL(senderUrl ?? '');
    const page = adapters.find((a) => a.id === platform)?.pages.find((p) => p.kind === pageKind);
    return page ? (page.byContent ? url.protocol === 'https:' : page.match(url)) : false;
  } catch {
    return false;
  }
}

export type Reply = { ok: true } & Record<string, unknown>;
export type ErrorReply = { ok: false; error: string };

export async function handleMessage(raw: unknown, sender: SenderLike, deps: HandlerDeps): Promise<Reply | ErrorReply> {
  const parsed = RequestSchema.safeParse(raw);
  if (!parsed.success) {
    const type =
      raw && typeof raw === 'object' && 'type' in raw ? String((raw as { type: unknown }).type).slice(0, 40) : '?';
    deps.log?.(
      `rejected message ${type}: invalid payload (${parsed.error.issues
        .slice(0, 3)
        .map((i) => i.path.join('.'))
        .join(', ')})`,
    );
    return { ok: false, error: 'invalid message' };
  }
  const verdict = checkSender(parsed.data.type, sender, deps.self, deps.marketplaceMatches);
  if (!verdict.ok) {
    deps.log?.(`rejected message ${parsed.data.type}: ${verdict.reason}`);
    return { ok: false, error: 'sender not allowed' };
  }
  const parsedReq = parsed.data;
  if (parsedReq.type === 'pages/part' || parsedReq.type === 'pages/read') {
    const parts = deps.bodyParts ?? (workerBodyParts ??= createBodyParts());
    if (parsedReq.type === 'pages/part') return parts.put(sender, parsedReq);
    const whole = withUploadedBody(parsedReq, sender, parts);
    return 'error' in whole ? whole : readPage(whole, sender, deps, verdict.from);
  }
  const req = parsedReq.type === 'tickets/ingest' ? await validIngest(parsedReq, deps) : parsedReq;
  if (req.type === 'tickets/ingest' && verdict.from === 'content') {
    const guarded = await guardIngest(req, sender, deps);
    return 'error' in guarded ? guarded : dispatch(guarded, deps, sender.tab?.id);
  }
  return dispatch(req, deps, sender.tab?.id);
}

/**
 * The one validation of the tickets a page sends (validate.ts): an invalid ticket is dropped and recorded
 * by field path, the rest of the batch goes on. DOM-text readers on the page only clip (shared.ts).
 */
async function validIngest(req: RequestOf<'tickets/ingest'>, deps: HandlerDeps): Promise<ValidIngest> {
  const issues: ReadIssue[] = [];
  const tickets = validateTickets(req.tickets, issues);
  if (issues.length)
    await recordHealth(
      deps,
      issues.slice(0, 50).map((i) => guardReport(req, i.code, i.detail)),
    );
  return { ...req, tickets };
}

/**
 * What a page's hook copied, read and stored in one hop (issue 12): the worker reads it (read.ts), decides
 * the page session's shop from the read and the session's evidence (lib/identity/shop.ts, the same decision
 * the page makes for its DOM-text reads), and stores the batch through the same guard and ingest as
 * `tickets/ingest`. The tickets never travel back to the page and are validated once, by the reader
 * (validate.ts). A copy beyond the session's rate is refused before it is parsed (the page asks again).
 */
async function readPage(
  req: RequestOf<'pages/read'>,
  sender: SenderLike,
  deps: HandlerDeps,
  from: 'content' | 'page',
): Promise<Reply | ErrorReply> {
  // Ticket links are built from the page URL's origin: it must be the sender's own.
  if (sender.url !== undefined && originOf(sender.url) !== originOf(req.pageUrl))
    return { ok: false, error: "page url is not the sender's" };
  const session = from === 'content' ? sessionOf(sender) : undefined;
  if (from === 'content') {
    const refused = session
      ? await guardOf(deps).admit(session, req.platform)
      : ({ ok: false, reason: 'other-platform', detail: 'no page session' } as const);
    if (refused) return refusal(req, refused, deps);
  }
  const adapter = (deps.adapters ?? adapters).find((a) => a.id === req.platform);
  const read = answerOf(readCopied(adapter, req));
  const standIns = req.standIns ?? [];
  const { shop, batch, standIn } = batchOfRead(req.shop, read, req.documentShop, standIns);
  const answer: ReadAnswer = {
    shop,
    views: [],
    issues: read.issues,
    ...(read.loggedOut !== undefined ? { loggedOut: read.loggedOut } : {}),
    handedOver: [],
  };
  if (!batch) return { ok: true, result: answer } satisfies ResponseFor<'pages/read'>;
  let ingest: ValidIngest = { type: 'tickets/ingest', platform: req.platform, pageKind: req.pageKind, ...batch };
  if (from === 'content') {
    const guarded = await guardIngest(ingest, sender, deps, { admitted: true });
    if ('error' in guarded) return guarded;
    ingest = guarded;
  }
  const stored = await storeBatch(ingest, deps, sender.tab?.id);
  const result: ReadAnswer = {
    ...answer,
    views: stored.views,
    handedOver: (batch.supersedes ?? []).map((x) => x.shopId),
    ...(standIn ? { standIn } : {}),
  };
  return { ok: true, result } satisfies ResponseFor<'pages/read'>;
}

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** The session's shop and surface applied to a batch (session-guard.ts), or why it is refused. */
async function guardIngest(
  req: ValidIngest,
  sender: SenderLike,
  deps: HandlerDeps,
  opts: { admitted?: boolean } = {},
): Promise<ValidIngest | ErrorReply> {
  const session = sessionOf(sender);
  const v = session
    ? await guardOf(deps).check(
        session,
        {
          platform: req.platform,
          shopId: req.shop.shopId,
          pageKind: req.pageKind,
          complete: req.complete,
          surfaceMatchesUrl: surfaceMatchesUrl(req.platform, req.pageKind, sender.url),
        },
        opts,
      )
    : ({ ok: false, reason: 'other-platform', detail: 'no page session' } as const);
  if (!v.ok) return refusal(req, v, deps);
  if (v.notes.length)
    await recordHealth(
      deps,
      v.notes.map((n) => guardReport(req, 'session-scope', n)),
    );
  const { completeSince, ...rest } = req;
  const from = req.shop.shopId;
  return {
    ...rest,
    shop: { ...req.shop, shopId: v.shopId },
    // A fallback-shop batch filed under the session's shop: its tickets move with it.
    tickets:
      v.shopId === from ? req.tickets : req.tickets.map((t) => (t.shopId === from ? { ...t, shopId: v.shopId } : t)),
    complete: v.complete,
    ...(v.complete && completeSince !== undefined ? { completeSince } : {}),
  };
}

/** A batch the session guard refused: recorded (a rate refusal is not news), and the reply the page gets. */
async function refusal(
  req:
    | Pick<ValidIngest, 'platform' | 'pageKind' | 'type'>
    | Pick<RequestOf<'pages/read'>, 'platform' | 'pageKind' | 'type'>,
  v: Extract<GuardVerdict, { ok: false }>,
  deps: HandlerDeps,
): Promise<ErrorReply> {
  deps.log?.(`rejected ${req.type}: ${v.reason} (${v.detail})`);
  if (v.reason !== 'rate') await recordHealth(deps, [guardReport(req, `session-${v.reason}`, v.detail)]);
  return { ok: false, error: v.reason === 'rate' ? `rate: retry after ${v.retryAfterMs ?? 1000} ms` : v.reason };
}

const guardReport = (req: Pick<ValidIngest, 'platform' | 'pageKind'>, code: string, detail: string) => ({
  adapter: req.platform,
  page: req.pageKind.slice(0, 60),
  code,
  detail: detail.slice(0, 300),
  path: '',
});

async function recordHealth(deps: HandlerDeps, reports: Parameters<typeof foldHealth>[1][]) {
  const now = deps.now();
  await deps.db.transaction('rw', deps.db.health, async () => {
    for (const r of reports) {
      const prev = await deps.db.health.get(healthId(r));
      await deps.db.health.put(foldHealth(prev, r, now));
    }
    const count = await deps.db.health.count();
    if (count > HEALTH_MAX_ENTRIES) {
      const oldest = await deps.db.health
        .orderBy('lastAt')
        .limit(count - HEALTH_MAX_ENTRIES)
        .primaryKeys();
      await deps.db.health.bulkDelete(oldest);
    }
  });
}

/** A request as dispatch handles it: an ingest's tickets validated, `pages/read` answered before. */
type Handled = Exclude<Request, { type: 'tickets/ingest' | 'pages/read' | 'pages/part' }> | ValidIngest;

async function dispatch(req: Handled, deps: HandlerDeps, tabId: number | undefined): Promise<Reply> {
  switch (req.type) {
    case 'tickets/ingest': {
      const { views } = await storeBatch(req, deps, tabId);
      return { ok: true, views } satisfies ResponseFor<'tickets/ingest'>;
    }
    case 'health/report': {
      await recordHealth(deps, req.reports);
      void deps.freshness?.health(req.reports, tabId);
      return { ok: true } satisfies ResponseFor<'health/report'>;
    }
    case 'freshness/activity':
    case 'freshness/shops':
    case 'tickets/opened': {
      if (!deps.freshness) throw new Error(`${req.type}: freshness is not running`);
      return deps.freshness.request(req, tabId);
    }
    case 'templates/for-page': {
      const all = await deps.db.templates.toArray();
      const templates = all
        .filter((t) => t.scope.platforms.length === 0 || t.scope.platforms.includes(req.platform))
        .filter((t) => t.scope.shops.length === 0 || (req.shopKey !== undefined && t.scope.shops.includes(req.shopKey)))
        .sort((a, b) => b.usageCount - a.usageCount);
      return { ok: true, index: buildSearchIndex(templates) } satisfies ResponseFor<'templates/for-page'>;
    }
    case 'tickets/next': {
      const next = await openNextTicket(deps);
      return { ok: true, ...(next ? { key: next.key } : {}) } satisfies ResponseFor<'tickets/next'>;
    }
    case 'backup/apply': {
      if (!deps.settingsIo) throw new Error('backup/apply: no settings storage');
      const out = await applyBackupWrites(deps.db, req.writes, deps.settingsIo);
      deps.onTicketsChanged?.();
      return { ok: true, ...out } satisfies ResponseFor<'backup/apply'>;
    }
    case 'templates/used': {
      await deps.db.templates
        .where('id')
        .equals(req.id)
        .modify((t) => {
          t.usageCount += 1;
        });
      return { ok: true } satisfies ResponseFor<'templates/used'>;
    }
  }
}

/**
 * Stores a checked batch (a page's `tickets/ingest`, or what the worker read for `pages/read`) and answers
 * with the badges' views, computed on the same pass.
 */
async function storeBatch(
  req: ValidIngest,
  deps: HandlerDeps,
  tabId: number | undefined,
): Promise<{ views: ResponseFor<'tickets/ingest'>['views'] }> {
  const settings = await deps.settings();
  const now = deps.now();
  // Every ticket in a batch must belong to the batch's platform and shop: a page cannot write elsewhere.
  const own = req.tickets.filter((t) => t.platform === req.platform && t.shopId === req.shop.shopId);
  const shopId = await resolveShopId(
    deps.db,
    req.platform,
    req.shop,
    own.map((t) => t.nativeId),
  );
  const tickets = shopId === req.shop.shopId ? own : own.map((t) => ({ ...t, shopId }));
  const shop = { ...req.shop, shopId };
  // The real shop appeared: what this page stored under its stand-in moves first, so the batch merges
  // into one row per ticket instead of a second copy under the real key.
  const moved: [string, string][] = [];
  for (const s of req.supersedes ?? [])
    moved.push(...(await rekeyFallbackShop(deps.db, req.platform, s.shopId, shop, s.nativeIds)).moved);
  if (moved.length) await deps.onTicketsRekeyed?.(moved).catch(() => undefined);
  const { supersedes: _supersedes, ...batch } = req;
  const locale = uiLocale();
  // The badges' views come out of the same pass that stores the batch (ingestBatch `answer`), and the
  // open-ticket cap is decided on that pass's read (one bulkGet per batch, issue 12).
  const out = await ingestBatch(
    deps.db,
    { ...batch, shop, tickets },
    settings.rules,
    now,
    // explain() names the rule: in the UI's language (lib/rule-label.ts).
    (t) => toView(t, withRuleLabels(settings.rules), now, locale),
    { openCap: OPEN_TICKET_CAP },
  );
  if (out.dropped)
    await recordHealth(deps, [
      guardReport(req, 'open-cap', `${out.dropped} new tickets over ${OPEN_TICKET_CAP} open: not stored`),
    ]);
  if (out.written || out.markedUnseen || moved.length) deps.onTicketsChanged?.();
  // Not awaited: the badges' reply must not wait for bookkeeping (the hooks never reject).
  void deps.freshness?.ingested({ ...batch, shop, tickets: out.tickets, now, tabId });
  return { views: out.answers };
}
