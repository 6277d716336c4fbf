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
 * A body longer than PART_CHARS crosses in parts (issue 11: no synchronous work over 16 ms on the page's
 * thread, and the JSON of a 2 M-character message is ~11 ms to write and ~10 ms to read): a `head` with
 * everything but the body, then `part`s of PART_CHARS characters, each dispatched in a task of its own. The
 * hook sends nothing else until the last part is out, so the isolated side reassembles one copy at a time
 * (decode-page-message.ts) and the order of messages is the order the hook copied them in.
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

/**
 * Characters of a body per part, across the page channel and again to the worker (messages.ts): the JSON of
 * a part is ~1.5 ms to write and as much to read, a runtime message of one ~5 ms of the page's thread.
 */
export const PART_CHARS = 256 * 1024;

// Captured when the module loads: it is also in the MAIN-world bundle (document_start), where a page could
// replace `Math.max` later and would then see every copy we send.
const { ceil, max, min } = Math;

/** Parts of a body of `chars` characters (a body of at most PART_CHARS is sent whole). */
export const partsOf = (chars: number): number => max(1, ceil(chars / PART_CHARS));

/** Parts of the longest body copied. */
export const MAX_PARTS = partsOf(MAX_BODY_CHARS);

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
  | { type: 'oversized'; url: string; chars: number }
  /** Made by the isolated side, never sent: a copy whose parts did not all arrive (for diagnostics). */
  | { type: 'incomplete'; url: string; detail: string };

type ResponseMessage = Extract<PageMessage, { type: 'response' }>;

/** What travels on the port: the messages, a long body as a head and its parts instead (see above). */
export type WireMessage =
  | Exclude<PageMessage, { type: 'incomplete' }>
  /** A response without its body, which follows in `partsOf(chars)` parts named `copy`. */
  | ({ type: 'head'; copy: string; chars: number } & Omit<ResponseMessage, 'type' | 'body'>)
  /** Part `seq` (from 0) of copy `copy`: PART_CHARS characters of the body, the last one what is left. */
  | { type: 'part'; copy: string; seq: number; text: string };

/** The length part `seq` of a body of `chars` characters has. */
export const partLength = (chars: number, seq: number): number => max(0, min(PART_CHARS, chars - seq * PART_CHARS));

/**
 * Isolated side: opens the channel and hands its other end to the hook. Call synchronously at document_start.
 * `onData` receives the detail of each event on the port (a JSON string from our hook), unvalidated. Returns a
 * function that closes the channel.
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
