import { useCallback, useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const readHash = () => window.location.hash.replace(/^#/, '');

/**
 * The options tab named by the URL hash (`options.html#rules`), so a link (the popup, a notification, a
 * README) can open one tab. Unknown or empty hashes show `fallback`; back and forward move between tabs.
 */
export function useHashTab<T extends string>(ids: readonly T[], fallback: T): [T, (id: T) => void] {
  const hash = useSyncExternalStore(subscribe, readHash);
  // `#rules/…` still opens the rules tab, leaving room for deeper links later.
  const head = hash.split(/[/?]/)[0] ?? '';
  const tab = (ids as readonly string[]).includes(head) ? (head as T) : fallback;
  const select = useCallback((id: T) => {
    if (readHash() !== id) window.location.hash = id;
  }, []);
  return [tab, select];
}
