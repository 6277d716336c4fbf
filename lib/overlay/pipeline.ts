/**
 * The read pipeline of a page session. What the MAIN-world hook copied (responses, row records) goes to the
 * worker (`read`), which reads it (lib/background/read.ts: JSON parsing and zod never run on the page's
 * thread), decides the shop and stores the tickets in the same hop (issue 12), and answers with the shop and
 * the badges' views. DOM text is read by the adapter's page part here and stored through `ingest` (the
 * batcher), with the shop decided the same way (lib/identity/shop.ts `batchOfRead`).
 *
 * Copies are sent one at a time, in the order they arrived: each request is built when its turn comes, with
 * the shop and the stand-ins the reads before it left, and its answer is applied before the next is sent.
 *
 * Why in order: with the DOM read first under a stand-in shop and the JSON second under the real one, the
 * JSON read hands over the stand-in's ids (`standIns`), and the worker moves what the DOM batch stored; that
 * is only right if the DOM batch was stored first, so a copy waits for the DOM batches handed over before it.
 * (DOM reads wait for copies in turn: none is read while a copy is with the worker.) `ingest` stores DOM
 * batches in the order it was given them and retries each until the worker committed it; copies are asked
 * again until the worker answers (retry.ts), and storing one twice is storing the same rows.
 */
import type { PageAdapter, PageDef, ReadContext, ReadIssue, ReadResult, ShopIdentity } from '../adapters/types';
import { batchOfRead, resolvePageShop, type StandIn } from '../identity/shop';
import type { ReadAnswer, RequestOf, TicketView, ValidIngest } from '../messaging/protocol';
import type { CapturedResponse } from '../capture/collect';
import type { PageMessage } from './page-channel';

/** DOM-text reads are re-sent at most this often while ids do not change (countdown text ticks). */
export const DOM_RESEND_MS = 30_000;
/**
 * On pages whose tickets come from responses or row records, the DOM-text fallback waits this long after
 * the page started: the structured read (exact platform deadlines, the shop id) usually arrives first, and
 * the DOM text's rounded countdown is then never needed. Later DOM reads are still re-keyed if they win.
 */
export const DOM_FALLBACK_GRACE_MS = 2_000;

export type IngestRequest = Omit<ValidIngest, 'type'>;
export type ReadRequest = Omit<RequestOf<'pages/read'>, 'type'>;

export interface PipelineDeps {
  adapter: PageAdapter;
  win: Window & typeof globalThis;
  now(): number;
  page(): PageDef | undefined;
  /** Stores batches in the order given, each retried until committed (batcher.ts); resolves once stored. */
  ingest(req: IngestRequest): Promise<TicketView[]>;
  /** Has the worker read a copy (retried until it answers); rejects when it never will. */
  read(req: ReadRequest): Promise<ReadAnswer>;
  report(issues: readonly ReadIssue[]): void;
  /** Views came back from the worker. */
  onViews(views: TicketView[]): void;
  /** A read went through the pipeline: stored, or found to carry nothing to store, or failed (reported). */
  onSettled(): void;
  /** Whether a row on screen has no view yet (the DOM reader then fills in). */
  rowsWithoutView(): boolean;
  hasViews(): boolean;
  /** When the current page was recognised (its DOM fallback waits {@link DOM_FALLBACK_GRACE_MS} from here). */
  pageStartedAt(): number;
  /** Asks for another change frame (the grace ended, or the records it waited for are not coming). */
  recheck(afterMs: number): void;
  domGraceMs?: number;
}

export interface Pipeline {
  onMessage(msg: PageMessage): void;
  /** Reads the rows' text, when the page's structured sources did not cover them; true when it read. */
  readDom(): boolean;
  /** Page messages that arrived before their page was recognised are read now. */
  flush(): void;
  shop(): ShopIdentity;
  /** For a user-triggered capture. */
  recent(): { responses: CapturedResponse[]; records: unknown[] };
  /** Resolves when every batch handed over so far has been stored (tests). */
  idle(): Promise<void>;
}

export function createPipeline(d: PipelineDeps): Pipeline {
  const { adapter, win } = d;
  let shop: ShopIdentity | undefined;
  /** Tickets this session stored under stand-in shops, to hand over when the real shop appears. */
  const underStandIn = new Map<string, Set<string>>();
  const pendingRecords: PageMessage[] = [];
  const responses: CapturedResponse[] = [];
  let records: unknown[] = [];
  /** Batches handed to `ingest` and not yet stored. */
  const inFlight = new Set<Promise<void>>();
  /** DOM-text batches handed to the batcher and not yet stored. */
  const domBatches = new Set<Promise<void>>();
  let structuredQueued = 0;
  let lastDomSignature = '';
  /** The hook found rows on screen and none carried a record: the page's records are not coming. */
  let recordsAbsent = false;
  let lastDomSentAt = 0;

  const fromDocument = (): ShopIdentity | undefined => {
    try {
      return adapter.shopFromDocument(win.document, new URL(win.location.href));
    } catch {
      return undefined;
    }
  };
  const currentShop = (): ShopIdentity => (shop = resolvePageShop(shop, { document: fromDocument() }));

  const ctx = (now = d.now()): ReadContext => ({ now, pageUrl: new URL(win.location.href), shop });
  /** Copies waiting for the worker to read them, oldest first; the first is being read while `reading`. */
  const readQueue: { pageKind: string; build(): ReadRequest; settle(): void }[] = [];
  let reading = false;

  const standIns = (): StandIn[] => [...underStandIn].map(([shopId, ids]) => ({ shopId, nativeIds: [...ids] }));
  const remember = (handedOver: readonly string[], standIn: StandIn | undefined) => {
    // Handed over: the move happened with (or is queued before) every later batch, which need not repeat it.
    for (const id of handedOver) underStandIn.delete(id);
    if (standIn) {
      const ids = underStandIn.get(standIn.shopId) ?? new Set<string>();
      for (const id of standIn.nativeIds) ids.add(id);
      underStandIn.set(standIn.shopId, ids);
    }
  };

  /** A DOM-text read, as a batch for the batcher: the shop decided here, as the worker does for copies. */
  const send = async (result: ReadResult, pageKind: string) => {
    const out = batchOfRead(shop, result, fromDocument(), standIns());
    shop = out.shop;
    if (!out.batch) return;
    const stored = d.ingest({ platform: adapter.id, pageKind, ...out.batch });
    remember(
      (out.batch.supersedes ?? []).map((x) => x.shopId),
      out.standIn,
    );
    d.onViews(await stored);
  };

  /** Hands a DOM-text read to the batcher now (behind the ones before it: `ingest` keeps the order). */
  const accept = (result: ReadResult, pageKind: string) => {
    d.report(result.issues);
    const done: Promise<void> = send(result, pageKind)
      .catch((e: unknown) =>
        d.report([{ code: 'ingest-failed', detail: e instanceof Error ? e.message.slice(0, 200) : 'ingest failed' }]),
      )
      .finally(() => {
        inFlight.delete(done);
        domBatches.delete(done);
        d.onSettled();
      });
    inFlight.add(done);
    domBatches.add(done);
  };

  const pumpReads = async () => {
    if (reading) return;
    reading = true;
    try {
      for (let item = readQueue[0]; item; item = readQueue[0]) {
        // A copy is stored by the worker as it reads it: DOM batches handed to the batcher before it must be
        // stored first (their stand-in ids are in this request, and the move needs their rows).
        while (domBatches.size) await Promise.all(domBatches);
        try {
          const answer = await d.read(item.build());
          d.report(answer.issues);
          shop = answer.shop;
          remember(answer.handedOver, answer.standIn);
          d.onViews(answer.views);
        } catch (e) {
          d.report([{ code: 'read-failed', detail: e instanceof Error ? e.message.slice(0, 200) : 'read failed' }]);
        }
        readQueue.shift();
        structuredQueued--;
        d.onSettled();
        item.settle();
      }
    } finally {
      reading = false;
    }
  };

  /** Queues a copy for the worker to read; `source` and `now` are fixed when it arrived. */
  const enqueueRead = (pageKind: string, source: ReadRequest['source']) => {
    const now = d.now();
    const pageUrl = win.location.href;
    structuredQueued++;
    const done = new Promise<void>((settle) =>
      readQueue.push({
        pageKind,
        settle,
        // Built when its turn comes: with the shop and stand-ins the reads before it left.
        build: () => {
          const document = fromDocument();
          const handOver = standIns();
          return {
            platform: adapter.id,
            pageKind,
            now,
            pageUrl,
            ...(shop ? { shop } : {}),
            ...(document ? { documentShop: document } : {}),
            ...(handOver.length ? { standIns: handOver } : {}),
            source,
          };
        },
      }),
    );
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
    void pumpReads();
  };

  const onResponse = (msg: Extract<PageMessage, { type: 'response' }>) => {
    let url: URL;
    try {
      url = new URL(msg.url, win.location.href);
    } catch {
      return;
    }
    const ep = adapter.endpoints.find((e) => e.path.test(url.pathname));
    if (!ep) return;
    responses.push({ endpoint: ep.id, path: url.pathname, receivedAt: d.now(), body: msg.body });
    if (responses.length > 10) responses.shift();
    enqueueRead(d.page()?.kind ?? ep.id, {
      kind: 'response',
      endpoint: ep.id,
      url: url.href,
      body: msg.body,
      ...(msg.requestBody !== undefined ? { requestBody: msg.requestBody } : {}),
    });
  };

  const onRecords = (msg: Extract<PageMessage, { type: 'records' }>) => {
    const page = d.page();
    if (!page || !page.sources.includes('react-records')) {
      pendingRecords.push(msg);
      if (pendingRecords.length > 20) pendingRecords.shift();
      return;
    }
    recordsAbsent = msg.records.length === 0;
    if (recordsAbsent) return d.recheck(0);
    records = msg.records.map((r) => r.record);
    enqueueRead(page.kind, { kind: 'records', records });
  };

  return {
    onMessage: (msg) =>
      msg.type === 'response' ? onResponse(msg) : msg.type === 'records' ? onRecords(msg) : undefined,
    readDom() {
      const page = d.page();
      if (!page || !adapter.readRows || !page.sources.includes('dom-text')) return false;
      // A half-parsed document reads as "no rows" or a wrong page state; wait for the parser to finish.
      if (win.document.readyState === 'loading') return false;
      // While a structured read waits to be stored its views are not here yet: a DOM read now would race it.
      if (structuredQueued > 0) return false;
      // DOM text is the least precise reader: used only when responses or row records did not cover the rows.
      const structured =
        page.sources.includes('responses') || (page.sources.includes('react-records') && !recordsAbsent);
      if (structured && d.hasViews() && !d.rowsWithoutView()) return false;
      const now = d.now();
      const wait = structured ? d.pageStartedAt() + (d.domGraceMs ?? DOM_FALLBACK_GRACE_MS) - now : 0;
      if (wait > 0) {
        d.recheck(wait);
        return false;
      }
      let result: ReadResult;
      try {
        result = adapter.readRows(win.document, page.kind, ctx(now));
      } catch {
        d.report([{ code: 'reader-threw', detail: 'readRows' }]);
        return true;
      }
      // Issues are part of the signature: a page that turns into a login box reads no tickets either, and its
      // `not-logged-in` must still be reported.
      const signature = [
        ...result.tickets.map((t) => `${t.nativeId}:${t.status}`),
        ...result.issues.map((i) => `!${i.code}`),
        result.loggedOut ? '!logged-out' : '',
      ].join('|');
      if (signature === lastDomSignature && now - lastDomSentAt < DOM_RESEND_MS) return true;
      lastDomSignature = signature;
      lastDomSentAt = now;
      if (result.tickets.length || result.issues.length) accept(result, page.kind);
      return true;
    },
    flush() {
      for (const m of pendingRecords.splice(0)) onRecords(m as Extract<PageMessage, { type: 'records' }>);
    },
    shop: currentShop,
    recent: () => ({ responses, records }),
    idle: async () => {
      while (inFlight.size) await Promise.all(inFlight);
    },
  };
}
