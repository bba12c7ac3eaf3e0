import { isReleaseDue, releaseDueAt } from './reserve-release';

const startsAt = new Date('2026-11-24T00:00:00Z');

describe(releaseDueAt.name, () => {
  const sut = releaseDueAt;

  it('falls due the lead time before the session', () => {
    expect(sut(startsAt, 24)).toEqual(new Date('2026-11-23T00:00:00Z'));
  });
});

describe(isReleaseDue.name, () => {
  const sut = isReleaseDue;

  it('is not due a minute early and is due from then on', () => {
    expect(sut(startsAt, 24, new Date('2026-11-22T23:59:00Z'))).toBe(false);
    expect(sut(startsAt, 24, new Date('2026-11-23T00:00:00Z'))).toBe(true);
  });

  it('with no lead time releases at the start', () => {
    expect(sut(startsAt, 0, startsAt)).toBe(true);
  });
});
