import { NO_PRIORITY } from '../../booking/domain/pool';
import { Admission, queueRankOf } from './admission';

const now = new Date('2026-11-23T00:00:00Z');
const request = (referralId = 'r1', priority = NO_PRIORITY) =>
  Admission.request(
    {
      id: 'a1',
      wardId: 'w1',
      institutionId: 'h1',
      groupId: 'g1',
      patientResidentId: '11010519491231002X',
      referralId,
      requestedByInstitutionId: 'p1',
      priority,
    },
    now,
  );

describe(Admission.name, () => {
  it('goes requested → admitted → discharged with an event each', () => {
    const sut = request();
    sut.assignBed('12', 'reserved', now);
    sut.discharge(now);
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['requested', 'bed-assigned', 'discharged']);
    expect(sut.snapshot()).toMatchObject({
      status: 'discharged',
      bedCode: '12',
      pool: 'reserved',
      version: 3,
    });
  });

  it('lets only a referral take reserved beds', () => {
    expect(request().mayTakeReserved).toBe(true);
    expect(request('').mayTakeReserved).toBe(false);
  });

  it('refuses to discharge a patient who was never admitted, naming the state', () => {
    expect(() => request().discharge(now)).toThrow(/cannot discharge an admission that is requested/);
  });

  it('cancels only before a bed is assigned', () => {
    const sut = request();
    sut.assignBed('1', 'public', now);
    expect(() => sut.cancel('no longer needed')).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }) as Error,
    );
  });

  it('refuses a second bed for an admitted patient and a discharge of a cancelled one', () => {
    const admitted = request();
    admitted.assignBed('3', 'public', now);
    expect(() => admitted.assignBed('4', 'public', now)).toThrow(
      /cannot assign a bed to an admission that is admitted/,
    );
    const cancelled = request();
    cancelled.cancel('patient recovered');
    expect(() => cancelled.discharge(now)).toThrow(/that is cancelled/);
    expect(cancelled.snapshot()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'patient recovered',
      version: 2,
    });
  });

  it('records the time of each step', () => {
    const later = new Date(now.getTime() + 3_600_000);
    const sut = request();
    sut.assignBed('1', 'reserved', later);
    expect(sut.snapshot()).toMatchObject({ requestedAt: now, admittedAt: later, dischargedAt: null });
  });

  it('queues a green-channel patient first, then contracted residents, then referrals, then the rest', () => {
    const green = { contractedResident: false, consultationFeeWaived: false, greenChannel: true };
    const contracted = { contractedResident: true, consultationFeeWaived: true, greenChannel: false };
    expect(queueRankOf(green, 'r1')).toBe(0);
    expect(queueRankOf({ ...contracted, greenChannel: true }, 'r1')).toBe(0);
    expect(queueRankOf(contracted, 'r1')).toBe(1);
    expect(queueRankOf(NO_PRIORITY, 'r1')).toBe(2);
    expect(queueRankOf(NO_PRIORITY, '')).toBe(3);
    expect(request('r1', contracted).snapshot().queueRank).toBe(1);
    expect(request('').snapshot().queueRank).toBe(3);
  });
});
