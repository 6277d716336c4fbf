/**
 * Reads the row object a React table keeps in props (strategy 2 in marketplaces.md): walk the element's
 * `__reactFiber$<suffix>` (React ≥ 17) or `__reactInternalInstance$<suffix>` (older) expando up the
 * `.return` chain until `memoizedProps[propName]` is found. Runs in the MAIN world only (the expandos are
 * invisible to the isolated world). Never throws.
 *
 * Every built-in used here is captured when the module loads (document_start, before any page script), and
 * arrays are walked by index, never by `for … of` or their methods: a page that replaces `Object.keys`,
 * `String.prototype.startsWith`, `Array.prototype.slice`, `WeakSet.prototype.add` … later neither sees our
 * calls nor breaks them (issue 11).
 */
const MAX_DEPTH = 30;

const reflectApply = Reflect.apply;
const objectKeys = Object.keys;
const isArray = Array.isArray;
const setPrototypeOf = Object.setPrototypeOf;
const startsWith = String.prototype.startsWith;
const NativeWeakSet = WeakSet;
const weakSetHas = WeakSet.prototype.has;
const weakSetAdd = WeakSet.prototype.add;
// `instanceof` would look up `Node[Symbol.hasInstance]`, which a page can define; this is the native check.
const hasInstance = Function.prototype[Symbol.hasInstance];
const NativeNode = globalThis.Node;

interface FiberLike {
  memoizedProps?: Record<string, unknown> | null;
  return?: FiberLike | null;
}

const isFiberKey = (k: string) =>
  reflectApply(startsWith, k, ['__reactFiber$']) || reflectApply(startsWith, k, ['__reactInternalInstance$']);

export function reactRecord(el: Element, propName = 'record'): unknown {
  try {
    const keys = objectKeys(el);
    let key: string | undefined;
    for (let i = 0; i < keys.length && key === undefined; i++) if (isFiberKey(keys[i]!)) key = keys[i];
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

/**
 * JSON-safe copy of a record: drops functions, cycles, DOM nodes and React elements; caps size. Its objects
 * and arrays have no prototype (`nullArray` / `nullObject`), so JSON.stringify's lookup of `toJSON` on each of
 * them finds nothing: a page that defined `Object.prototype.toJSON` or `Array.prototype.toJSON` is never
 * called with our copy (and a `__proto__` key is copied as a plain key).
 */
export function cloneRecord(value: unknown, maxNodes = 5000): unknown {
  const seen = new NativeWeakSet<object>();
  let nodes = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (++nodes > maxNodes || depth > 8) return undefined;
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
    if (typeof v !== 'object') return undefined;
    if (reflectApply(weakSetHas, seen, [v])) return undefined;
    reflectApply(weakSetAdd, seen, [v]);
    if (typeof NativeNode === 'function' && reflectApply(hasInstance, NativeNode, [v])) return undefined;
    if ('$$typeof' in v) return undefined;
    if (isArray(v)) {
      const out = nullArray();
      for (let i = 0; i < v.length && i < 200; i++) out[i] = walk(v[i], depth + 1);
      return out;
    }
    const out = nullObject();
    const keys = objectKeys(v);
    for (let i = 0; i < keys.length && i < 200; i++) {
      const w = walk((v as Record<string, unknown>)[keys[i]!], depth + 1);
      if (w !== undefined) out[keys[i]!] = w;
    }
    return out;
  };
  return walk(value, 0);
}

/** An array without a prototype: still an array to JSON.stringify, but nothing of the page's is looked up on it. */
export const nullArray = <T = unknown>(): T[] => setPrototypeOf([], null) as T[];
/** An object without a prototype, for the same reason. */
export const nullObject = <T = unknown>(): Record<string, T> => setPrototypeOf({}, null) as Record<string, T>;
