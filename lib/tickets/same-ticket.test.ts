import { describe, expect, it } from 'vitest';
import type { RawTicket, Ticket } from '../model/ticket';
import { FIXTURE_NOW, readFixture } from '../../tests/support/fixtures';
import { DEFAULT_RULES } from '../sla';
import { mergeTicket, sameTicket } from './merge';

/** The golden reading of the PDD 工单 list fixture, written against FIXTURE_NOW. */
const RAW = (
  JSON.parse(readFixture('pdd', 'work-order-list--base.json.expected.json')) as { output: { tickets: RawTicket[] } }
).output.tickets[0]!;

/** A row as ingest stores it (mergeTicket of that read), with overrides. */
const t = (over: Partial<Ticket> = {}): Ticket => ({
  ...mergeTicket(undefined, RAW, {
    rules: DEFAULT_RULES,
    now: FIXTURE_NOW,
    pageKind: 'pdd.work-order-list',
    complete: false,
  }),
  tags: ['紧急'],
  ...over,
});

describe('sameTicket (decides whether ingest writes a row)', () => {
  it('is true for equal rows whatever their key order, and ignores undefined fields', () => {
    const a = t();
    const reordered = Object.fromEntries(Object.entries(t()).reverse()) as unknown as Ticket;
    expect(sameTicket(a, reordered)).toBe(true);
    expect(sameTicket(a, { ...t(), buyer: undefined })).toBe(true);
    expect(sameTicket({ ...t(), buyer: undefined }, t())).toBe(true);
  });
  it('is false for no stored row and for any changed, added or removed value, nested ones too', () => {
    expect(sameTicket(undefined, t())).toBe(false);
    expect(sameTicket(t(), t({ status: 'processing' }))).toBe(false);
    expect(sameTicket(t(), t({ buyer: 'j***n' }))).toBe(false);
    expect(sameTicket(t({ buyer: 'j***n' }), t())).toBe(false);
    expect(sameTicket(t(), t({ tags: ['紧急', '退款拦截'] }))).toBe(false);
    expect(sameTicket(t(), t({ tags: [] }))).toBe(false);
    expect(
      sameTicket(t(), t({ dueHistory: [{ from: FIXTURE_NOW, to: FIXTURE_NOW + 2000, seenAt: FIXTURE_NOW }] })),
    ).toBe(false);
    expect(sameTicket(t(), t({ dueAt: 0 }))).toBe(false);
  });
});
