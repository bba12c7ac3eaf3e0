import { expectedAt, type SessionSnapshot } from './session';

const session = {
  capacity: 4,
  startsAt: new Date('2026-11-23T00:00:00Z'),
  endsAt: new Date('2026-11-23T02:00:00Z'),
} as SessionSnapshot;

describe(expectedAt.name, () => {
  const sut = expectedAt;

  it('divides the band evenly between the slots', () => {
    expect([1, 2, 3, 4].map((n) => sut(session, n).toISOString())).toEqual([
      '2026-11-23T00:00:00.000Z',
      '2026-11-23T00:30:00.000Z',
      '2026-11-23T01:00:00.000Z',
      '2026-11-23T01:30:00.000Z',
    ]);
  });

  it('puts a slot numbered above a shrunk session’s capacity last, never after the session ends', () => {
    expect(sut(session, 9).toISOString()).toBe('2026-11-23T01:30:00.000Z');
    expect(sut({ ...session, capacity: 0 }, 3).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });
});
