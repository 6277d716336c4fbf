/**
 * The worker's {@link BindingStore}: `storage.session`, which only extension pages and the worker can read
 * (Chromium's default access level keeps content scripts out) and which the browser clears when it quits,
 * like the tabs the bindings name. Firefox builds before `storage.session` fall back to `storage.local`.
 */
import { browser } from 'wxt/browser';
import { BINDINGS_KEY, type BindingStore } from './session-guard';

export function sessionBindingStore(): BindingStore {
  const area = () => browser.storage.session ?? browser.storage.local;
  return {
    load: async () => (await area().get(BINDINGS_KEY))[BINDINGS_KEY],
    save: (bindings) => area().set({ [BINDINGS_KEY]: bindings }),
  };
}
