/**
 * The popup's entry: its stylesheet, then the React popup (components/popup/mount.tsx) once the early script
 * has written the first rows and they were painted, or it found it cannot write them
 * (components/popup/early.ts). Evaluating the popup's modules takes one ~12 ms task: run before, it held up
 * the early read's IndexedDB answers; run at once after, the rows' first paint. The modules are fetched
 * meanwhile all the same: popup.html preloads them (wxt.config.ts, preloadPopupApp).
 */
import '@/components/popup/popup.css';
import { EARLY_EVENT, EARLY_GLOBAL } from '@/components/popup/early-global';

const early = () => (globalThis as Record<string, unknown>)[EARLY_GLOBAL] as Promise<boolean> | undefined;
/** The early script's promise; it may run after this module (async), but always before `load`. */
const started = (): Promise<boolean> =>
  early() ??
  new Promise<boolean>((resolve) => {
    const done = () => void (early() ?? Promise.resolve(false)).then(resolve);
    addEventListener(EARLY_EVENT, done, { once: true });
    addEventListener('load', done, { once: true });
  });
/** After the next frame is painted: a rAF callback runs before the paint, a task queued from it after. */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

void started()
  .then((wrote) => (wrote ? painted() : undefined))
  .then(() => import('@/components/popup/mount'));
