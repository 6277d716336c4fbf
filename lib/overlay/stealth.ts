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
 */

// Captured at document_start, before any page script runs: the page may replace these later.
const reflectApply = Reflect.apply;
const nativeToString = Function.prototype.toString;
const wrappers = new WeakMap<object, object>(); // wrapper → the native function it stands for
let toStringPatched = false;

/** `Function.prototype.toString` that prints a wrapper as its native original; itself prints as native. */
function patchToString(): void {
  if (toStringPatched) return;
  toStringPatched = true;
  const proxy = new Proxy(nativeToString, {
    apply(target, thisArg: unknown, args: unknown[]) {
      const original =
        (typeof thisArg === 'function' || typeof thisArg === 'object') && thisArg !== null
          ? wrappers.get(thisArg)
          : undefined;
      return reflectApply(target, original ?? thisArg, args) as string;
    },
  });
  wrappers.set(proxy, nativeToString);
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
  const proxy = new Proxy(original, {
    apply(target, thisArg: unknown, args: Parameters<F>) {
      return around(() => reflectApply(target, thisArg, args) as ReturnType<F>, thisArg, args);
    },
  });
  wrappers.set(proxy, original);
  return proxy;
}
