import { takesNewReleaseLead } from './release-lead';
import { type SessionSnapshot } from './session';

const now = new Date('2026-12-04T00:00:00Z');
/** A session starting 30 hours from now with a 24-hour lead time: its release is due in 6 hours. */
const session = (overrides: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  id: 's1',
  institutionId: 'h1',
  groupId: 'g1',
  departmentId: 'd1',
  specialtyCode: '03',
  practitionerId: '',
  templateId: 't1',
  date: '2026-12-05',
  startsAt: new Date('2026-12-05T06:00:00Z'),
  endsAt: new Date('2026-12-05T09:00:00Z'),
  status: 'open',
  capacity: 30,
  reservedOffered: 10,
  reservedReleased: 0,
  releaseLeadHours: 24,
  changeReason: '',
  version: 1,
  ...overrides,
});

describe(takesNewReleaseLead.name, () => {
  const sut = takesNewReleaseLead;

  it('reaches an open session whose release is still to come, shorter or longer', () => {
    expect(sut(session(), 12, now)).toBe(true);
    // Longer: its release becomes due at once, and the sweeper releases it.
    expect(sut(session(), 48, now)).toBe(true);
  });

  it('leaves a session whose release was already due, released or not yet swept', () => {
    const due = session({ startsAt: new Date('2026-12-04T20:00:00Z') });
    expect(sut(due, 12, now)).toBe(false);
    expect(sut(session({ reservedReleased: 10 }), 12, now)).toBe(false);
  });

  it('leaves cancelled sessions and sessions that already have that lead time', () => {
    expect(sut(session({ status: 'cancelled' }), 12, now)).toBe(false);
    expect(sut(session(), 24, now)).toBe(false);
  });
});
