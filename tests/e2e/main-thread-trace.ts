/**
 * What runs on a page's main thread, from a Chromium trace (CDP `Tracing`, with V8's sampling profiler), so a
 * browser test can bound our synchronous work on the page's thread without timing it by the wall clock.
 *
 * Wall-clock gaps move with the machine's load (2 shared cores: a task is preempted, its gap grows), so each
 * task is measured by its thread time (`tdur`: CPU time of the main thread, which preemption does not add
 * to), and the extension's part of a task is the share of its samples whose stack holds a frame of the
 * extension's scripts (MAIN-world hook and isolated content script alike), scaled to that thread time.
 */
import type { CDPSession, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One task of the page's main thread, in ms. */
export interface MainTask {
  /** Trace clock, ms. */
  at: number;
  wallMs: number;
  /** Thread (CPU) time of the task. */
  cpuMs: number;
  /** The extension's share of `cpuMs`: its JS and what that JS called, garbage collection included. */
  extensionMs: number;
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string };
}

export interface MainThread {
  tasks: MainTask[];
  /** Bytes of each body decoded to text by the browser's own decoder (`Response.text()`, `.json()`). */
  bodyDecodes: number[];
}

/** Marks the page's trace where a measured window starts or ends (console.timeStamp is traced, not shown). */
export const markStart = 'ticket-radar-test:start';
export const markEnd = 'ticket-radar-test:end';

/** The functions our wrappers forward to: time in them is the page's own call, not ours. */
const FORWARDED = new Set(['fetch', 'open', 'send']);

/** Starts tracing the page's renderer; `stop()` gives its main-thread tasks between the two marks. */
export async function traceMainThread(page: Page): Promise<{ stop(extensionOrigin: string): Promise<MainThread> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-v8.cpu_profiler',
        // TextResourceDecoder::Decode: what Response.text()/json() and DevTools run to decode a body.
        'blink',
      ],
      excludedCategories: ['*'],
    },
  });
  return {
    async stop(extensionOrigin) {
      const events = await endTrace(cdp);
      await cdp.detach();
      // To look at a run in a trace viewer (chrome://tracing, Perfetto): TICKET_RADAR_TRACE_DIR=/some/dir.
      const dir = process.env.TICKET_RADAR_TRACE_DIR;
      if (dir) writeFileSync(join(dir, `${new URL(page.url()).host}-${Date.now()}.json`), JSON.stringify(events));
      return mainThreadTasks(events, extensionOrigin);
    },
  };
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<{ stream?: string }>((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('the trace came back without a stream');
  const parts: string[] = [];
  for (;;) {
    const r = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    parts.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const json = JSON.parse(parts.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(json) ? json : json.traceEvents;
}

/** The top-level tasks of the main thread that marked `markStart`, up to its `markEnd`. */
export function mainThreadTasks(events: readonly TraceEvent[], extensionOrigin: string): MainThread {
  const mark = (m: string) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m);
  const start = mark(markStart);
  const end = mark(markEnd);
  if (!start || !end) throw new Error('the trace has no start or end mark: was the window marked in the page?');
  const { pid, tid } = start;
  /** Complete events named `name` on that thread that overlap the window. */
  const inWindow = (name: string) =>
    events.filter(
      (e) =>
        e.pid === pid &&
        e.tid === tid &&
        e.ph === 'X' &&
        e.name === name &&
        e.ts + (e.dur ?? 0) >= start.ts &&
        e.ts <= end.ts,
    );
  const tasks = inWindow('ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  // Only the outermost (a nested run loop's tasks are part of their parent's).
  const outer = tasks.filter((t) => !tasks.some((o) => o !== t && o.ts <= t.ts && o.ts + o.dur! >= t.ts + t.dur!));

  // V8's samples of this renderer's main isolate: a profile per thread, sent in chunks.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  if (profile) {
    let ts = (profile.args!.data!.startTime as number) ?? 0;
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
      const data = e.args!.data as {
        cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      (data.cpuProfile?.samples ?? []).forEach((node, i) => {
        ts += data.timeDeltas?.[i] ?? 0;
        samples.push({ ts, node });
      });
    }
  }
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    let n = nodes.get(id);
    const leaf = n;
    let found = false;
    for (; n; n = n.parent === undefined ? undefined : nodes.get(n.parent))
      if (n.callFrame.url?.startsWith(extensionOrigin)) {
        // The native a wrapper forwards to (the page's own fetch) is the page's time, not ours.
        found = !(leaf !== n && !leaf!.callFrame.url && FORWARDED.has(leaf!.callFrame.functionName));
        break;
      }
    ours.set(id, found);
    return found;
  };
  const gc = (id: number) => nodes.get(id)?.callFrame.functionName === '(garbage collector)';

  const bodyDecodes = inWindow('TextResourceDecoder::Decode').map((e) => Number(e.args?.data_len ?? 0));
  const costs = outer.map((t) => {
    const from = t.ts;
    const to = t.ts + t.dur!;
    let ourUs = 0;
    let gcUs = 0;
    let sampled = 0;
    samples.forEach((s, i) => {
      if (s.ts < from || s.ts >= to) return;
      // A sample stands for the time to the next one (clipped to the task).
      const us = Math.min(samples[i + 1]?.ts ?? to, to) - s.ts;
      sampled += us;
      if (isOurs(s.node)) ourUs += us;
      else if (gc(s.node)) gcUs += us;
    });
    // Garbage collected during a task of ours is counted as ours (our copies are what it collects).
    const extensionUs = ourUs > 0 ? ourUs + gcUs : 0;
    const cpuMs = (t.tdur ?? t.dur!) / 1000;
    return {
      at: t.ts / 1000,
      wallMs: t.dur! / 1000,
      cpuMs,
      extensionMs: sampled > 0 ? Math.min(1, extensionUs / sampled) * cpuMs : 0,
    };
  });
  return { tasks: costs, bodyDecodes };
}
