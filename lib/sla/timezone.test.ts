/**
 * The same deadline whatever zone the merchant's computer is set to (sla-rules.md, edge cases).
 * Node re-reads `process.env.TZ` when it is assigned, so each zone is checked in this one process;
 * `npm test` (scripts/test-all.mjs, stage `timezones`) also runs the whole lib/sla suite under three zones from the start.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, addWorkingTime, computeDeadline, explain, isInsideClock, type Clock, type Rule } from './index';
import { H, bj, showBj, ticket } from './testing';

function inZone<T>(tz: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const ZONES = [
  'Asia/Shanghai',
  'Europe/Berlin',
  'America/Los_Angeles',
  'UTC',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

const OFFICE: Rule = {
  id: 'office',
  name: '办公时间',
  enabled: true,
  match: { surfaces: [], platforms: ['pdd'], kinds: [], tagsAny: [] },
  budgetMs: 4 * H,
  clock: { type: 'windows', segments: [{ start: '09:00', end: '18:00' }], days: 'workdays' },
};
const RULES = [OFFICE, ...DEFAULT_RULES];

describe('timezone independence', () => {
  it('the zone switch is real: Berlin leaves summer time at 01:00 UTC on 2026-10-25', () => {
    inZone('Europe/Berlin', () => {
      expect(new Date(Date.UTC(2026, 9, 25, 0, 30)).getTimezoneOffset()).toBe(-120);
      expect(new Date(Date.UTC(2026, 9, 25, 1, 30)).getTimezoneOffset()).toBe(-60);
    });
    inZone('America/Los_Angeles', () => expect(new Date(Date.UTC(2026, 9, 25)).getTimezoneOffset()).toBe(420));
  });

  // 2026-10-25 08:30 Beijing = 02:30 CEST in Berlin, 09:30 Beijing = 02:30 CET: the hour Berlin repeats.
  const cases: [string, () => number | undefined, string][] = [
    [
      'Douyin 24 h received just before the Berlin change',
      () => computeDeadline(ticket({ createdAt: bj('2026-10-25 08:30') }), RULES)?.dueAt,
      '2026-10-26 21:00',
    ],
    [
      'Douyin 24 h received just after the Berlin change',
      () => computeDeadline(ticket({ createdAt: bj('2026-10-25 09:30') }), RULES)?.dueAt,
      '2026-10-27 09:30',
    ],
    [
      'Douyin example across the change',
      () =>
        addWorkingTime(
          bj('2026-10-24 20:00'),
          12 * H,
          DEFAULT_RULES.find((r) => r.id === 'douyin-service-urgent')!.clock,
        ),
      '2026-10-25 20:00',
    ],
    [
      'workday clock over the Berlin change weekend',
      () => computeDeadline(ticket({ platform: 'pdd', createdAt: bj('2026-10-23 17:00') }), RULES)?.dueAt,
      '2026-10-26 12:00',
    ],
    [
      'workday clock over the US change (2026-11-01)',
      () => computeDeadline(ticket({ platform: 'pdd', createdAt: bj('2026-10-30 17:00') }), RULES)?.dueAt,
      '2026-11-02 12:00',
    ],
    [
      'National Day on a workday clock',
      () => computeDeadline(ticket({ platform: 'pdd', createdAt: bj('2026-09-30 17:30') }), RULES)?.dueAt,
      '2026-10-08 12:30',
    ],
    [
      'make-up Saturday 2026-10-10',
      () => computeDeadline(ticket({ platform: 'pdd', createdAt: bj('2026-10-09 17:00') }), RULES)?.dueAt,
      '2026-10-10 12:00',
    ],
    [
      'calendar default rule',
      () => computeDeadline(ticket({ platform: 'taobao', createdAt: bj('2026-10-25 08:30') }), RULES)?.dueAt,
      '2026-10-26 08:30',
    ],
  ];

  it.each(cases)('%s: same deadline in every zone', (_what, run, expected) => {
    for (const tz of ZONES) {
      expect(`${tz} ${showBj(inZone(tz, run))}`).toBe(`${tz} ${expected}`);
      expect(inZone(tz, run)).toBe(bj(expected));
    }
  });

  it('window membership and explanations do not depend on the zone', () => {
    const clock: Clock = { type: 'windows', segments: [{ start: '22:00', end: '02:00' }], days: 'workdays' };
    const probe = () => [
      isInsideClock(bj('2026-10-25 01:00'), clock), // spill of Saturday 10-24 (off) → false
      isInsideClock(bj('2026-10-27 01:00'), clock), // spill of Monday 10-26 → true
      ...explain(ticket({ platform: 'pdd', createdAt: bj('2026-09-30 17:30') }), RULES, bj('2026-10-25 08:30')),
    ];
    const reference = inZone('Asia/Shanghai', probe);
    expect(reference.slice(0, 2)).toEqual([false, true]);
    for (const tz of ZONES) expect(inZone(tz, probe)).toEqual(reference);
  });
});

describe('purity', () => {
  // Anything that reads the machine's zone or clock would defeat the tests above in production.
  it('lib/sla sources use no local-time Date API, Date.now or browser globals', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testing.ts');
    expect(sources.length).toBeGreaterThan(5);
    const forbidden =
      /Date\.now|new Date\(|\.get(?:FullYear|Month|Date|Day|Hours|Minutes|TimezoneOffset)\(|\.set(?:FullYear|Month|Date|Hours)\(|toLocale|Intl\.|\bdocument\.|\bwindow\.|\bbrowser\.|\bchrome\./;
    for (const f of sources) {
      const code = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\*|\/\*)/.test(l))
        .join('\n');
      expect(`${f}: ${forbidden.exec(code)?.[0] ?? 'clean'}`).toBe(`${f}: clean`);
    }
  });
});
