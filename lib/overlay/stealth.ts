/**
 * Wrapping page functions so that the page cannot tell (MAIN world only).
 *
 * Risk-control scripts on seller pages fingerprint `fetch` and `XMLHttpRequest.prototype.open/send`:
 * `fetch.toString()`, `Function.prototype.toString.call(fetch)`, `fetch.name/length`, own keys, property
 * descriptors, `fetch.prototype`. A wrapper that shows its source or an extra property could get the
 * merchant's session challenged. So a wrapper is a Proxy over the native function (every own key, descriptor
 * and prototype are the native function's, because the Proxy forwards them), and `Function.prototype.toString`
 * is itself replaced by a Proxy that answers for a wrapper as it would for the native function. V8 prints a
 * callable Proxy as `function () { [native code] }` (no name), which is why toString needs the second Proxy.
 *
 * Nothing here sets a global: the registry of wrappers is a module-scoped WeakMap.
 *
 * Nothing the page can replace is looked up when a wrapper or toString runs: the WeakMap's methods are
 * captured, and the Proxy handlers have no prototype (a handler inherits traps, so a page that defined
 * `Object.prototype.get` or `.ownKeys` would otherwise become the `get` or `ownKeys` trap of our wrappers).
 */

// Captured at document_start, before any page script runs: the page may replace these later.
const reflectApply = Reflect.apply;
const setPrototypeOf = Object.setPrototypeOf;
const nativeToString = Function.prototype.toString;
const weakMapGet = WeakMap.prototype.get;
const weakMapSet = WeakMap.prototype.set;
const wrappers = new WeakMap<object, object>(); // wrapper → the native function it stands for
const register = (wrapper: object, original: object) => void reflectApply(weakMapSet, wrappers, [wrapper, original]);
/** A Proxy handler with only the traps given: nothing inherited from the page's Object.prototype. */
const traps = <T extends object>(handler: ProxyHandler<T>): ProxyHandler<T> =>
  setPrototypeOf(handler, null) as ProxyHandler<T>;
let toStringPatched = false;

/** `Function.prototype.toString` that prints a wrapper as its native original; itself prints as native. */
function patchToString(): void {
  if (toStringPatched) return;
  toStringPatched = true;
  const proxy = new Proxy(
    nativeToString,
    traps({
      apply(target, thisArg: unknown, args: unknown[]) {
        const original =
          (typeof thisArg === 'function' || typeof thisArg === 'object') && thisArg !== null
            ? (reflectApply(weakMapGet, wrappers, [thisArg]) as object | undefined)
            : undefined;
        return reflectApply(target, original ?? thisArg, args) as string;
      },
    }),
  );
  register(proxy, nativeToString);
  // Plain assignment keeps the native property's attributes (writable, configurable, not enumerable).
  Function.prototype.toString = proxy;
}

/**
 * A wrapper around `original` that runs `around(call)` instead of it, where `call()` invokes the original with
 * the page's own `this` and arguments. The page gets exactly what the original returns or throws.
 */
export function wrapNative<F extends (...args: never[]) => unknown>(
  original: F,
  around: (call: () => ReturnType<F>, thisArg: unknown, args: Parameters<F>) => ReturnType<F>,
): F {
  patchToString();
  const proxy = new Proxy(
    original,
    traps({
      apply(target, thisArg: unknown, args: Parameters<F>) {
        return around(() => reflectApply(target, thisArg, args) as ReturnType<F>, thisArg, args);
      },
    }),
  );
  register(proxy, original);
  return proxy;
}
