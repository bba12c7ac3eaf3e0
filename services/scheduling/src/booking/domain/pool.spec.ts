import { poolsToTry } from './pool';

describe(poolsToTry.name, () => {
  const sut = poolsToTry;

  const referral = { viaReferral: true, viaOwnContract: false };
  const contracted = { viaReferral: false, viaOwnContract: true };
  const anyone = { viaReferral: false, viaOwnContract: false };

  it('tries the reserved pool first and falls back to public for a referral', () => {
    expect(sut(undefined, referral)).toEqual(['reserved', 'public']);
  });

  it('lets a primary institution take reserved slots for its own contracted resident', () => {
    expect(sut('reserved', contracted)).toEqual(['reserved']);
  });

  it('offers only the public pool to a booking without referral or contract', () => {
    expect(sut(undefined, anyone)).toEqual(['public']);
  });

  it('refuses the reserved pool to a booking without referral or contract', () => {
    expect(() => sut('reserved', anyone)).toThrow(
      expect.objectContaining({ code: 'RESERVED_POOL_NOT_ALLOWED' }) as Error,
    );
  });

  it('honours an explicit public choice even for a referral', () => {
    expect(sut('public', referral)).toEqual(['public']);
  });
});
