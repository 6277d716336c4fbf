/**
 * One shared 1 s ticker for every badge on a page, updating only badges in view (IntersectionObserver),
 * never one interval per badge (conventions.md, "Injected UI"). The interval does nothing while no badge is
 * in view or the tab is hidden.
 */
export interface Ticker {
  observe(el: HTMLElement): void;
  unobserve(el: HTMLElement): void;
  /** Badges in view now. */
  visible(): Iterable<HTMLElement>;
}

export function createTicker(
  win: Window & typeof globalThis,
  signal: AbortSignal,
  tick: () => void,
  periodMs = 1000,
): Ticker {
  const visible = new Set<HTMLElement>();
  const io =
    'IntersectionObserver' in win
      ? new win.IntersectionObserver((entries) => {
          for (const e of entries) {
            if (e.isIntersecting) visible.add(e.target as HTMLElement);
            else visible.delete(e.target as HTMLElement);
          }
        })
      : undefined;
  const id = win.setInterval(() => {
    if (visible.size && !win.document.hidden) tick();
  }, periodMs);
  signal.addEventListener(
    'abort',
    () => {
      win.clearInterval(id);
      io?.disconnect();
      visible.clear();
    },
    { once: true },
  );
  return {
    observe(el) {
      if (io) io.observe(el);
      else visible.add(el);
    },
    unobserve(el) {
      io?.unobserve(el);
      visible.delete(el);
    },
    visible: () => visible,
  };
}
