import { fingerprintOf } from './fingerprint';

describe(fingerprintOf.name, () => {
  const sut = fingerprintOf;

  it('is the same for the same request whatever the order of its members', () => {
    expect(sut({ wardId: 'w', bedCount: 10, name: '心内科' })).toBe(
      sut({ name: '心内科', bedCount: 10, wardId: 'w' }),
    );
  });

  it('ignores members that are absent or undefined', () => {
    expect(sut({ a: 1, note: undefined })).toBe(sut({ a: 1 }));
  });

  it('reads dates by their instant', () => {
    expect(sut({ at: new Date('2026-12-04T08:00:00+08:00') })).toBe(sut({ at: '2026-12-04T00:00:00.000Z' }));
  });

  it('reads an invalid date (a time the request left out) without throwing, apart from any instant', () => {
    expect(sut({ at: new Date(Number.NaN) })).toBe(sut({ at: new Date('no such day') }));
    expect(sut({ at: new Date(Number.NaN) })).not.toBe(sut({ at: new Date(0) }));
  });

  it.each([
    ['another value', { bedCount: 10 }, { bedCount: 12 }],
    ['another type', { bedCount: 10 }, { bedCount: '10' }],
    ['another member', { bedCount: 10 }, { beds: 10 }],
    ['another order of a list', { codes: ['a', 'b'] }, { codes: ['b', 'a'] }],
    ['a nested difference', { claim: { pool: 'public' } }, { claim: { pool: 'reserved' } }],
    ['null against absent', { receiving: null }, {}],
  ])('tells requests apart by %s', (_, one, other) => {
    expect(sut(one)).not.toBe(sut(other));
  });

  it('is a SHA-256 hex digest', () => {
    expect(sut('x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
