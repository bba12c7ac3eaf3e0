import { NO_PRIORITY } from '../../booking/domain/pool';
import { Admission } from './admission';

const now = new Date('2026-11-23T00:00:00Z');
const request = (referralId = 'r1') =>
  Admission.request(
    {
      id: 'a1',
      wardId: 'w1',
      institutionId: 'h1',
      groupId: 'g1',
      patientResidentId: '11010519491231002X',
      referralId,
      requestedByInstitutionId: 'p1',
      priority: NO_PRIORITY,
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
});
