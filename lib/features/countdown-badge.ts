/**
 * The countdown badge next to every ticket row (feature `countdown-badge`). Plain DOM text in an open shadow
 * root, no React on the page: a host `<span>` carrying the test hooks (`data-ticket-key`, `data-due-at`,
 * `data-state`) so page CSS and ours never collide. Page text reaches it only through `textContent`.
 *
 * Cost on the seller page (issue 12): badges are built in slices of at most {@link MOUNT_SLICE_MS} per
 * animation frame and inserted together in one (one table layout, not one per slice), no layout is read, rows whose badge is already in place with the same view are not touched again,
 * and the one shared ticker (lib/overlay/ticker.ts) wakes only when a badge in view changes its text or
 * colour ({@link nextChangeAt}). Hosts are `contain: content`, so a text change is laid out inside them.
 */
import type { RowAnchor } from '../adapters/types';
import type { TicketView } from '../messaging/protocol';
import type { TierSettings } from '../model/settings';
import type { Tier } from '../sla/types';
import { state } from '../tickets/state';
import { beijingDateTime, formatDuration } from '../time/light';
import { t, uiLocale } from '../i18n';
import { createTicker } from '../overlay/ticker';
import type { Feature } from './types';
import { shadowHost, sharedSheet } from './shadow-host';

export const BADGE_ATTR = 'data-ticket-radar-badge';

/** A row whose badge keeps being dropped by the page is re-mounted at most this often. */
export const MAX_REMOUNTS = 30;
/** Main-thread time per animation frame for building badges: 500 are built over frames, never in one long task. */
export const MOUNT_SLICE_MS = 6;
/**
 * How near the viewport a row must be for its badge to be built (IntersectionObserver `rootMargin`): a
 * screen and a half above and below, so a badge is in place before its row scrolls into view at any
 * ordinary scrolling speed.
 */
export const NEAR_MARGIN = '150% 0px';

const CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; margin-left: 8px; max-width: 100%; contain: content; }
.b { display: inline-flex; align-items: center; gap: 4px; font: 600 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
     padding: 1px 8px; border-radius: 10px; cursor: help; border: 1px solid transparent;
     /* Narrow table cells: the source note wraps below the countdown instead of running under the buttons. */
     flex-wrap: wrap; row-gap: 0; }
.b > span { white-space: nowrap; }
/* The state dot belongs to the countdown text: as the box's own flex item it stayed alone on the first line
   when a narrow cell wrapped the text below it. */
.b > span:first-child::before { content: ""; display: inline-block; width: 6px; height: 6px; margin-right: 4px;
     border-radius: 50%; background: currentColor; vertical-align: 1px; }
.ok { color: #1e7d32; background: #e8f5e9; border-color: #c8e6c9; }
.soon { color: #a15c00; background: #fff4e0; border-color: #ffd699; }
.critical { color: #c62828; background: #ffebee; border-color: #ffcdd2; }
.overdue { color: #fff; background: #d32f2f; }
.overdue > span:first-child::before { background: #fff; }
.none { color: #666; background: #f2f2f2; border-color: #e0e0e0; }
.src { font-weight: 400; opacity: .75; font-size: 11px; }
`;

export interface BadgeHost {
  host: HTMLElement;
  box: HTMLElement;
  label: HTMLElement;
  source: HTMLElement;
}

export function createBadge(doc: Document, key: string, sheet?: CSSStyleSheet): BadgeHost {
  const { host, root } = shadowHost(doc, 'span', BADGE_ATTR, CSS, 'open', sheet);
  host.setAttribute('data-ticket-key', key);
  const box = doc.createElement('span');
  box.className = 'b none';
  box.setAttribute('part', 'badge');
  const label = doc.createElement('span');
  const source = doc.createElement('span');
  source.className = 'src';
  box.append(label, source);
  root.append(box);
  return { host, box, label, source };
}

const isOpen = (v: TicketView) => v.status === 'pending' || v.status === 'processing';

/**
 * The badge's colour at `now`, from the one deadline state (lib/tickets/state.ts): waiting (the buyer's or
 * platform's turn) and none are grey; otherwise the countdown tier.
 */
export function badgeState(view: TicketView, now: number, tiers: TierSettings): Tier {
  const s = state(view, { tiers }, now);
  return s.state === 'waiting' || s.state === 'none' ? 'none' : s.tier;
}

/**
 * The badge's words in the UI language, looked up once per page: `browser.i18n.getMessage` is an extension
 * API call (~10–30 µs each in a content script), and a 500-badge mount made ~2,000 of them (issue 12).
 * Templates with a time are split at their placeholder, so a tick only joins strings.
 */
export interface BadgeWords {
  locale: 'zh' | 'en';
  done: string;
  none: string;
  rule: string;
  left: readonly [string, string];
  overdue: readonly [string, string];
  turnBuyer: string;
  turnPlatform: string;
  tooltipDue: readonly [string, string];
}

const MARK = '\u0001';
const around = (key: 'badgeLeft' | 'badgeOverdue' | 'tooltipDue'): readonly [string, string] => {
  const [before = '', after = ''] = t(key, MARK).split(MARK);
  return [before, after];
};

export function badgeWords(): BadgeWords {
  return {
    locale: uiLocale(),
    done: t('badgeDone'),
    none: t('badgeNone'),
    rule: t('badgeRule'),
    left: around('badgeLeft'),
    overdue: around('badgeOverdue'),
    turnBuyer: t('turnBuyer'),
    turnPlatform: t('turnPlatform'),
    tooltipDue: around('tooltipDue'),
  };
}

/** Writes the badge for `now`, touching only what changed. Cheap: runs every second for each visible badge. */
export function renderBadge(
  b: BadgeHost,
  view: TicketView,
  now: number,
  tiers: TierSettings,
  words: BadgeWords = badgeWords(),
): void {
  const st = badgeState(view, now, tiers);
  const { host, box, label, source } = b;
  const open = isOpen(view);
  if (host.getAttribute('data-ticket-key') !== view.key) host.setAttribute('data-ticket-key', view.key);
  const due = view.dueAt !== undefined && open ? String(view.dueAt) : '';
  if (host.getAttribute('data-due-at') !== due) host.setAttribute('data-due-at', due);
  if (host.getAttribute('data-state') !== st) {
    host.setAttribute('data-state', st);
    box.className = `b ${st}`;
  }
  let text: string;
  if (!open) text = words.done;
  else if (view.dueAt === undefined) text = words.none;
  else {
    const [before, after] = view.dueAt <= now ? words.overdue : words.left;
    text = before + formatDuration(Math.abs(now - view.dueAt), words.locale) + after;
  }
  if (open && (view.turn === 'buyer' || view.turn === 'platform'))
    text = `${view.turn === 'buyer' ? words.turnBuyer : words.turnPlatform} · ${text}`;
  if (label.textContent !== text) label.textContent = text;
  const src = view.dueAt === undefined || !open ? '' : view.dueSource === 'platform' ? '' : words.rule;
  if (source.textContent !== src) source.textContent = src;
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
/** The step of formatDuration's text (lib/time/light.ts): seconds under an hour, minutes under a day, hours after. */
const textStep = (absMs: number) => (absMs < HOUR ? SECOND : absMs < DAY ? 60 * SECOND : HOUR);

/**
 * The first instant after `now` at which {@link renderBadge} would write something else: the countdown
 * text's next step, or a colour boundary of the tiers (lib/tickets/state.ts `tierFor`: left ≤ 0, ≤ critical,
 * ≤ soon, ≤ a share of the rule's budget). Infinity for a badge that never changes by itself (finished, no
 * deadline). The ticker sleeps until then instead of re-rendering every badge every second.
 */
export function nextChangeAt(view: TicketView, now: number, tiers: TierSettings): number {
  if (!isOpen(view) || view.dueAt === undefined) return Infinity;
  const due = view.dueAt;
  const left = due - now;
  let next: number;
  if (left > 0) {
    const step = textStep(left);
    next = due - Math.floor(left / step) * step + 1;
  } else {
    const step = textStep(-left);
    next = due + (Math.floor(-left / step) + 1) * step;
  }
  const share = view.budgetMs !== undefined ? view.budgetMs * tiers.soonShare : undefined;
  // The colour by time left, as tierFor orders it: a boundary counts only where the colour changes there
  // (a budget share inside the critical window, or past the soon window, changes nothing).
  const rank = (l: number) =>
    l <= 0
      ? 0
      : l <= tiers.criticalWithinMs
        ? 1
        : l <= tiers.soonWithinMs || (share !== undefined && l <= share)
          ? 2
          : 3;
  for (const b of [0, tiers.criticalWithinMs, tiers.soonWithinMs, share])
    if (b !== undefined && left > b && rank(b) !== rank(b + 1)) next = Math.min(next, Math.ceil(due - b));
  return Math.max(next, now + 1);
}

/** Tooltip: the deadline in Beijing time and how it was found. Set when the view changes, not per tick. */
export function badgeTooltip(view: TicketView, words: BadgeWords = badgeWords()): string {
  const [before, after] = words.tooltipDue;
  const head = view.dueAt !== undefined ? before + beijingDateTime(view.dueAt) + after : words.none;
  return [head, ...view.explain].join('\n');
}

interface Entry {
  badge: BadgeHost;
  remounts: number;
  mounted?: boolean;
  view?: TicketView;
  /** When its text or colour changes next ({@link nextChangeAt}); the ticker renders it then. */
  nextAt: number;
}

export const countdownBadge: Feature = {
  id: 'countdown-badge',
  init({ session, signal, report }) {
    const { doc, win } = session;
    const badges = new Map<string, Entry>();
    const byHost = new Map<HTMLElement, Entry>();
    const words = badgeWords();
    const sheet = sharedSheet(doc, CSS);
    const render = (entry: Entry, view: TicketView, now: number, tiers: TierSettings) => {
      renderBadge(entry.badge, view, now, tiers, words);
      entry.nextAt = nextChangeAt(view, now, tiers);
    };
    const ticker = createTicker(win, signal, (now, visible) => {
      const { tiers } = session.settings();
      let next = Infinity;
      for (const host of visible) {
        const entry = byHost.get(host);
        if (!entry?.view) continue;
        if (entry.nextAt <= now) render(entry, entry.view, now, tiers);
        next = Math.min(next, entry.nextAt);
      }
      return next;
    });
    let queue: { anchor: RowAnchor; view: TicketView }[] = [];
    let scheduled = false;

    const drop = (key: string, entry: Entry) => {
      ticker.unobserve(entry.badge.host);
      entry.badge.host.remove();
      badges.delete(key);
      byHost.delete(entry.badge.host);
      ready.delete(entry);
    };

    /**
     * Drops badges whose key is no longer live (its stand-in shop was replaced by the real one: the row now
     * shows the real key's badge) and badges of rows that are gone.
     */
    const removeStale = (wanted: ReadonlySet<string>) => {
      const live = session.liveKeys();
      for (const [key, entry] of badges) {
        if (live.has(key) && (wanted.has(key) || entry.badge.host.isConnected)) continue;
        drop(key, entry);
      }
    };

    /** Badges built and rendered off the page, waiting for the one frame that inserts them all. */
    const ready = new Map<Entry, Element>();

    /**
     * Puts the ready badges into their rows, all in one frame: every insertion into a table row makes the
     * browser lay the table out again, so 500 insertions spread over 20 frames cost 20 table layouts, in one
     * frame one (issue 12). Building them (the script part) is what is spread over frames.
     */
    const insertReady = () => {
      for (const [entry, slot] of ready) {
        const { host } = entry.badge;
        if (host.parentElement === slot || !slot.isConnected) continue;
        // Every mount after the first is a re-mount: the page dropped our node or re-rendered the row.
        if (entry.mounted) entry.remounts++;
        if (entry.remounts > MAX_REMOUNTS) continue;
        entry.mounted = true;
        slot.append(host);
        ticker.observe(host);
      }
      ready.clear();
    };

    const mountSome = () => {
      scheduled = false;
      if (signal.aborted) return;
      const now = session.now();
      const { tiers } = session.settings();
      const clock = win.performance;
      const until = clock.now() + MOUNT_SLICE_MS;
      let done = 0;
      // At least one per frame, then as many as fit in the slice.
      for (const { anchor, view } of queue) {
        if (done > 0 && clock.now() > until) break;
        done++;
        let entry = badges.get(view.key);
        if (!entry) {
          entry = { badge: createBadge(doc, view.key, sheet), remounts: 0, nextAt: 0 };
          badges.set(view.key, entry);
          byHost.set(entry.badge.host, entry);
        }
        const { host } = entry.badge;
        if (entry.view !== view) {
          host.title = badgeTooltip(view, words);
          entry.view = view;
        }
        if (host.parentElement !== anchor.slot) {
          if (entry.remounts >= MAX_REMOUNTS) continue;
          // Text first, then into the page: no second layout for the text.
          render(entry, view, now, tiers);
          ready.set(entry, anchor.slot);
          continue;
        }
        render(entry, view, now, tiers);
        ticker.kick();
      }
      queue.splice(0, done);
      if (queue.length) return schedule();
      insertReady();
      let mounted = 0;
      for (const e of badges.values()) if (e.badge.host.isConnected) mounted++;
      session.ready('badges', mounted);
    };
    const schedule = () => {
      if (scheduled || signal.aborted) return;
      scheduled = true;
      win.requestAnimationFrame(() => {
        try {
          mountSome();
        } catch (e) {
          report({
            code: 'overlay-error',
            detail: e instanceof Error ? e.message.slice(0, 200) : 'badge mount failed',
          });
        }
      });
    };

    /**
     * Rows whose badge is not on the page yet, waiting to come near the viewport: a badge is built and
     * inserted only for rows within {@link NEAR_MARGIN} of it (a 500-row list mounts a few dozen at load, the
     * rest as the merchant scrolls towards them, issue 12). Without IntersectionObserver every row is near.
     */
    let waiting = new Map<Element, { anchor: RowAnchor; view: TicketView }>();
    const near =
      'IntersectionObserver' in win
        ? new win.IntersectionObserver(
            (entries) => {
              let found = false;
              for (const e of entries) {
                const w = e.isIntersecting ? waiting.get(e.target) : undefined;
                if (!w) continue;
                waiting.delete(e.target);
                near?.unobserve(e.target);
                queue.push(w);
                found = true;
              }
              if (found) schedule();
            },
            // The frame's own document as the root: in a scrolling same-origin iframe (抖店's 售后 list) the
            // margin then reaches past the frame's edges; against the top-level viewport the frame clips it.
            { root: doc, rootMargin: NEAR_MARGIN },
          )
        : undefined;
    signal.addEventListener('abort', () => near?.disconnect(), { once: true });

    session.onChange(() => {
      const seen = new Set<string>();
      const wait = new Map<Element, { anchor: RowAnchor; view: TicketView }>();
      queue = [];
      for (const anchor of session.anchors()) {
        const view = session.viewFor(anchor);
        // A row we could not read gets no badge rather than a guess; one badge per ticket.
        if (!view || seen.has(view.key)) continue;
        seen.add(view.key);
        // In place with the same view: nothing to do (the ticker keeps its text).
        const entry = badges.get(view.key);
        const inPlace = entry?.badge.host.parentElement === anchor.slot;
        if (entry && entry.view === view && inPlace) continue;
        // A badge in place gets its new view at once; a row without one waits until it comes near.
        if (inPlace || !near) queue.push({ anchor, view });
        else {
          wait.set(anchor.row, { anchor, view });
          if (!waiting.has(anchor.row)) near.observe(anchor.row);
        }
      }
      for (const row of waiting.keys()) if (!wait.has(row)) near?.unobserve(row);
      waiting = wait;
      removeStale(seen);
      schedule();
    }, signal);

    // A tab switch that keeps the rows: our badges come off them before the next page mounts its own.
    signal.addEventListener(
      'abort',
      () => {
        for (const { badge } of badges.values()) badge.host.remove();
        badges.clear();
        byHost.clear();
      },
      { once: true },
    );
  },
};
