/**
 * The trace reader of the huge-response browser test (tests/e2e/main-thread-trace.ts) on a made-up trace:
 * which tasks are in the window, thread time versus wall time, and which samples are the extension's.
 */
import { describe, expect, it } from 'vitest';
import { markEnd, markStart, mainThreadTasks } from '../e2e/main-thread-trace';

const EXT = 'chrome-extension://abc/';
const PID = 7;
const TID = 7;
const mark = (message: string, ts: number) => ({
  name: 'TimeStamp',
  ph: 'I',
  pid: PID,
  tid: TID,
  ts,
  args: { data: { message } },
});
const task = (ts: number, dur: number, tdur: number, tid = TID) => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid: PID,
  tid,
  ts,
  dur,
  tdur,
});
// Call tree: root → page script → (its own work); root → hook frame → native fetch (forwarded) / decode.
const nodes = [
  { id: 1, callFrame: { functionName: '(root)' } },
  { id: 2, parent: 1, callFrame: { functionName: 'load', url: 'https://mms.pinduoduo.com/app.js' } },
  { id: 3, parent: 1, callFrame: { functionName: 'copy', url: `${EXT}content-scripts/pdd-hook.js` } },
  { id: 4, parent: 3, callFrame: { functionName: 'fetch', url: '' } },
  { id: 5, parent: 3, callFrame: { functionName: 'decode', url: '' } },
  { id: 6, parent: 1, callFrame: { functionName: '(garbage collector)' } },
  { id: 7, parent: 1, callFrame: { functionName: '(program)' } },
];
/** V8's profile of the thread, started at `from`: its chunks (sampled by another thread) follow. */
const profile = (from: number) => ({
  name: 'Profile',
  ph: 'P',
  pid: PID,
  tid: TID,
  ts: from,
  id: '0x1',
  args: { data: { startTime: from } },
});
/** A chunk of samples on `onNodes`, 1,000 µs apart, the first `gap` µs after the previous sample. */
const chunk = (gap: number, onNodes: number[]) => ({
  name: 'ProfileChunk',
  ph: 'P',
  pid: PID,
  tid: 99,
  ts: 0,
  id: '0x1',
  args: { data: { cpuProfile: { nodes, samples: onNodes }, timeDeltas: onNodes.map((_, i) => (i ? 1000 : gap)) } },
});

describe('mainThreadTasks', () => {
  it('takes the outermost tasks of the marked thread inside the window, by thread time', () => {
    const r = mainThreadTasks(
      [
        mark(markStart, 10_000),
        task(1_000, 2_000, 2_000), // before the window
        task(12_000, 8_000, 3_000), // preempted: 8 ms wall, 3 ms CPU
        task(13_000, 1_000, 500), // nested in the one above
        task(30_000, 1_000, 1_000, 8), // another thread
        mark(markEnd, 40_000),
        task(50_000, 1_000, 1_000), // after
      ],
      EXT,
    );
    expect(r.tasks.map((t) => [t.wallMs, t.cpuMs, t.extensionMs])).toEqual([[8, 3, 0]]);
  });

  it("attributes our frames' share of a task's samples to us, scaled to its thread time", () => {
    // One 10 ms task (5 ms CPU): 4 samples in the page's script, 4 in our decode, 2 in GC.
    const r = mainThreadTasks(
      [
        mark(markStart, 0),
        task(100_000, 10_000, 5_000),
        profile(100_000),
        chunk(0, [2, 2, 2, 2, 5, 5, 5, 5, 6, 6]),
        mark(markEnd, 200_000),
      ],
      EXT,
    );
    // Ours: 4 + the 2 of GC (counted ours in a task of ours) of 10 samples → 60 % of 5 ms.
    expect(r.tasks[0]!.extensionMs).toBeCloseTo(3, 5);
  });

  it("time in the native a wrapper forwards to is the page's; GC alone is nobody's", () => {
    const r = mainThreadTasks(
      [
        mark(markStart, 0),
        task(100_000, 4_000, 4_000),
        task(200_000, 4_000, 4_000),
        profile(100_000),
        chunk(0, [4, 4, 4, 4]), // 100–103 ms: the page's fetch, called through our wrapper
        chunk(97_000, [6, 6, 7, 7]), // 200–203 ms: GC and native work, no frame of ours

        mark(markEnd, 300_000),
      ],
      EXT,
    );
    expect(r.tasks.map((t) => t.extensionMs)).toEqual([0, 0]);
  });

  it('lists the bodies the browser decoded whole', () => {
    const r = mainThreadTasks(
      [
        mark(markStart, 0),
        {
          name: 'TextResourceDecoder::Decode',
          ph: 'X',
          pid: PID,
          tid: TID,
          ts: 5,
          dur: 1,
          args: { data_len: 3801249 },
        },
        mark(markEnd, 10),
      ],
      EXT,
    );
    expect(r.bodyDecodes).toEqual([3801249]);
  });

  it('refuses a trace without its marks', () => {
    expect(() => mainThreadTasks([mark(markStart, 0)], EXT)).toThrow(/mark/);
  });
});
