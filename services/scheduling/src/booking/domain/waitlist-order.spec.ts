import { NO_PRIORITY } from './pool';
import { compareWaiting, nextInLine, type WaitingEntry } from './waitlist-order';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 0, minute));
const entry = (id: string, minute: number, extra: Partial<WaitingEntry> = {}): WaitingEntry => ({
  id,
  priority: NO_PRIORITY,
  mayTakeReserved: false,
  createdAt: at(minute),
  ...extra,
});

describe(nextInLine.name, () => {
  const sut = nextInLine;

  it('serves first come first served among equals', () => {
    expect(sut([entry('b', 2), entry('a', 1)], 'public')?.id).toBe('a');
  });

  it('gives a freed reserved slot only to an entry allowed into the reserved pool', () => {
    const entries = [entry('public-only', 0), entry('referral', 5, { mayTakeReserved: true })];
    expect(sut(entries, 'reserved')?.id).toBe('referral');
    expect(sut([entry('public-only', 0)], 'reserved')).toBeUndefined();
  });
});

describe(compareWaiting.name, () => {
  const sut = compareWaiting;

  it('puts the green channel, then contracted residents, ahead of earlier entries', () => {
    const entries = [
      entry('early', 0),
      entry('contracted', 5, { priority: { ...NO_PRIORITY, contractedResident: true } }),
      entry('green', 9, { priority: { ...NO_PRIORITY, greenChannel: true } }),
    ];
    expect([...entries].sort(sut).map((e) => e.id)).toEqual(['green', 'contracted', 'early']);
  });
});
