/**
 * The private channel between the MAIN-world hook and the isolated content script.
 *
 * A page event on `window` can be dispatched by any page script, so data never travels that way. Instead the
 * isolated side creates a `MessageChannel` and hands one port to the hook in a synchronous handshake that
 * happens at document_start, before any page script runs:
 *
 * - the hook, when it installs, listens for `OFFER_EVENT` and dispatches `HELLO_EVENT`;
 * - the isolated side, when it starts, dispatches a cancelable `OFFER_EVENT` (a `MessageEvent` whose `ports`
 *   holds the port); the hook takes the first offer and cancels it, so the isolated side knows, synchronously,
 *   that the port was taken. If nobody took it (the isolated side ran first), it answers the first
 *   `HELLO_EVENT` with the same offer and then stops listening.
 *
 * The port is then used only as a private event target: the hook dispatches `DATA_EVENT` on it, synchronously
 * (a listener of the isolated world on the same port runs before the hook's call returns, so a response is
 * read before the page's next task, as with a window event), carrying the message as a JSON string (Firefox
 * lets only primitives cross worlds without `cloneInto`). No page script holds a reference to the port.
 *
 * Both content scripts of a marketplace run at document_start with the same matches and frames (wxt.config.ts
 * checks it), so the handshake is over before the page's first script. A page script that later dispatches
 * `HELLO_EVENT` gets nothing, and one that dispatches `OFFER_EVENT` reaches no listener. The isolated side
 * reads only messages arriving on its port (decode-page-message.ts validates them all the same).
 *
 * This file is shared by both worlds and stays free of zod, so the MAIN-world bundle stays small.
 */
export const HELLO_EVENT = 'ticket-radar:hello';
export const OFFER_EVENT = 'ticket-radar:port';
export const DATA_EVENT = 'ticket-radar:data';

/** Responses larger than this are not copied across (a 500-ticket PDD list is ~0.6 M characters). */
export const MAX_BODY_CHARS = 2_000_000;

/** Request bodies larger than this are not copied (list filters are a few hundred characters). */
export const MAX_REQUEST_CHARS = 20_000;

/** Row records copied per pass (a list page shows at most a few hundred rows). */
export const MAX_RECORDS = 500;

/** The attribute the MAIN-world record reader sets on each row it read, so the isolated side can pair them. */
export const ROW_INDEX_ATTR = 'data-ticket-radar-row';

export type PageMessage =
  | {
      type: 'response';
      url: string;
      receivedAt: number;
      transport: 'fetch' | 'xhr';
      body: string;
      /** The request's body when it was a string (the list's filter). */
      requestBody?: string | undefined;
    }
  | { type: 'records'; receivedAt: number; records: { rowIndex: number; record: unknown }[] }
  /** A matched response the hook did not copy because it was larger than MAX_BODY_CHARS (for diagnostics). */
  | { type: 'oversized'; url: string; chars: number };

/**
 * Isolated side: opens the channel and hands its other end to the hook. Call synchronously at document_start.
 * `onData` receives the detail of each event on the port (a JSON string from our hook), unvalidated. Returns a function that closes the channel.
 */
export function openPageChannel(
  win: Window,
  onData: (data: unknown) => void,
  channel = () => new (win as Window & typeof globalThis).MessageChannel(),
): () => void {
  // The window's own constructors (a test's DOM is not the global one).
  const { MessageEvent } = win as Window & typeof globalThis;
  const { port1, port2 } = channel();
  const onEvent = (e: Event) => onData((e as CustomEvent<unknown>).detail);
  port2.addEventListener(DATA_EVENT, onEvent);
  // Offers the port; true when the hook took it (it cancels the offer).
  const offer = () => !win.dispatchEvent(new MessageEvent(OFFER_EVENT, { cancelable: true, ports: [port2] }) as Event);
  let onHello: (() => void) | undefined;
  if (!offer()) {
    // The hook was not there yet: the first hello is our hook's (it runs at document_start, before any page
    // script), so exactly one is answered.
    onHello = () => {
      if (onHello) win.removeEventListener(HELLO_EVENT, onHello);
      onHello = undefined;
      offer();
    };
    win.addEventListener(HELLO_EVENT, onHello);
  }
  return () => {
    if (onHello) win.removeEventListener(HELLO_EVENT, onHello);
    port2.removeEventListener(DATA_EVENT, onEvent);
    port1.close();
  };
}
