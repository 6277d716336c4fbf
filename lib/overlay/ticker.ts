/**
 * One shared ticker for every badge on a page, updating only badges in view (IntersectionObserver), never
 * one interval per badge (conventions.md, "Injected UI"). It wakes when the next visible badge's text or
 * colour changes (the callback says when), not every second over all of them: a badge a day away changes
 * once an hour, one under an hour away once a second (issue 12). Nothing runs while no badge is in view or
 * the tab is hidden. Wake-ups fall on a grid of {@link WAKE_GRID_MS} (a text is at most that late), so badges
 * whose texts change within the same tenth of a second change in one frame.
 */
export interface Ticker {
  observe(el: HTMLElement): void;
  unobserve(el: HTMLElement): void;
  /** Badges in view now. */
  visible(): Iterable<HTMLElement>;
  /** Something changed the next wake-up (a badge re-rendered with a new view): recompute it. */
  kick(): void;
}

/** The wake-up grid: a badge's text is at most this late. */
export const WAKE_GRID_MS = 100;

/**
 * `tick(now, visible)` renders what is due among the visible badges and returns when the next of them is
 * due (epoch ms; Infinity for never). `entered` are badges that just came into view.
 */
export function createTicker(
  win: Window & typeof globalThis,
  signal: AbortSignal,
  tick: (now: number, visible: ReadonlySet<HTMLElement>) => number,
  now: () => number = Date.now,
): Ticker {
  const visible = new Set<HTMLElement>();
  let timer: number | undefined;
  let wakeAt = Infinity;
  const run = () => {
    timer = undefined;
    wakeAt = Infinity;
    if (signal.aborted || !visible.size || win.document.hidden) return;
    arm(tick(now(), visible));
  };
  const arm = (due: number, exact = false) => {
    // On the grid: badges whose text changes within the same tenth of a second change in one frame (one
    // style, layout and paint for all), not in one frame each at their deadlines' own millisecond phases.
    // Not whole seconds: deadlines are whole seconds, so a text changes 1 ms after one, and rounding that up
    // to the next whole second woke every other second and skipped every other second's text.
    const at = exact ? due : Math.ceil(due / WAKE_GRID_MS) * WAKE_GRID_MS;
    if (!Number.isFinite(at) || at >= wakeAt) return;
    if (timer !== undefined) win.clearTimeout(timer);
    wakeAt = at;
    // Never a busy loop: at least a few ms, and a timer far ahead is re-armed by the next change anyway.
    timer = win.setTimeout(run, Math.min(Math.max(at - now(), 4), 2 ** 31 - 1));
  };
  const kick = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    timer = undefined;
    wakeAt = Infinity;
    arm(now(), true);
  };
  const io =
    'IntersectionObserver' in win
      ? new win.IntersectionObserver((entries) => {
          let entered = false;
          for (const e of entries) {
            if (e.isIntersecting) {
              entered ||= !visible.has(e.target as HTMLElement);
              visible.add(e.target as HTMLElement);
            } else visible.delete(e.target as HTMLElement);
          }
          // A badge out of view was not updated: bring it up to date now that it shows.
          if (entered) kick();
        })
      : undefined;
  const onVisibility = () => {
    if (!win.document.hidden) kick();
  };
  win.document.addEventListener('visibilitychange', onVisibility, { signal });
  signal.addEventListener(
    'abort',
    () => {
      if (timer !== undefined) win.clearTimeout(timer);
      io?.disconnect();
      visible.clear();
    },
    { once: true },
  );
  return {
    observe(el) {
      if (io) io.observe(el);
      else {
        visible.add(el);
        kick();
      }
    },
    unobserve(el) {
      io?.unobserve(el);
      visible.delete(el);
    },
    visible: () => visible,
    kick,
  };
}
