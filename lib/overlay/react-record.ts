/**
 * Reads the row object a React table keeps in props (strategy 2 in marketplaces.md): walk the element's
 * `__reactFiber$<suffix>` (React ≥ 17) or `__reactInternalInstance$<suffix>` (older) expando up the
 * `.return` chain until `memoizedProps[propName]` is found. Runs in the MAIN world only (the expandos are
 * invisible to the isolated world). Never throws.
 */
const MAX_DEPTH = 30;

interface FiberLike {
  memoizedProps?: Record<string, unknown> | null;
  return?: FiberLike | null;
}

export function reactRecord(el: Element, propName = 'record'): unknown {
  try {
    const key = Object.keys(el).find((k) => k.startsWith('__reactFiber$') || k.startsWith('__reactInternalInstance$'));
    if (!key) return undefined;
    let fiber = (el as unknown as Record<string, FiberLike | undefined>)[key];
    for (let depth = 0; fiber && depth < MAX_DEPTH; depth++, fiber = fiber.return ?? undefined) {
      const props = fiber.memoizedProps;
      if (
        props &&
        typeof props === 'object' &&
        propName in props &&
        props[propName] &&
        typeof props[propName] === 'object'
      ) {
        return props[propName];
      }
    }
  } catch {
    // A getter on a host object may throw; a missing record falls back to DOM text.
  }
  return undefined;
}

/** JSON-safe copy of a record: drops functions, cycles, DOM nodes and React elements; caps size. */
export function cloneRecord(value: unknown, maxNodes = 5000): unknown {
  const seen = new WeakSet<object>();
  let nodes = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (++nodes > maxNodes || depth > 8) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v !== 'object') return undefined;
    if (seen.has(v)) return undefined;
    seen.add(v);
    if (typeof Node !== 'undefined' && v instanceof Node) return undefined;
    if ('$$typeof' in v) return undefined;
    if (Array.isArray(v)) return v.slice(0, 200).map((x) => walk(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v).slice(0, 200)) {
      const w = walk(x, depth + 1);
      if (w !== undefined) out[k] = w;
    }
    return out;
  };
  return walk(value, 0);
}
