/**
 * Pinyin initials for the popup's search, loaded on demand: pinyin-pro's dictionary is ~200 KB of script, a
 * quarter of what the popup parsed before its first row (BENCHMARKS.md, "popup: first ticket row"). It is
 * imported once a search of letters needs it, or in the first idle moment after the rows are on screen;
 * until then a letters query matches the plain text only, and the list re-filters when the initials arrive.
 */
import { useEffect, useState } from 'react';

type Initials = (text: string) => string;

const none: Initials = () => '';
let loading: Promise<Initials> | undefined;
const load = () => (loading ??= import('@/lib/tickets/initials').then((m) => m.initialsOf));

/** `initialsOf`, or a stand-in that knows none until pinyin-pro has loaded. */
export function useInitials(query: string): Initials {
  const [fn, setFn] = useState<Initials>(() => none);
  const needed = /^[a-z]+$/i.test(query.trim());
  useEffect(() => {
    if (fn !== none) return;
    let live = true;
    const go = () => void load().then((f) => live && setFn(() => f));
    if (needed) go();
    else {
      const idle = requestIdleCallback(go, { timeout: 2000 });
      return () => {
        live = false;
        cancelIdleCallback(idle);
      };
    }
    return () => {
      live = false;
    };
  }, [fn, needed]);
  return fn;
}
