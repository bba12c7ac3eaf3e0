import { aResidentId, aResidentIdBornOn, refusedFields } from '@medgrid/testing';
import { ClaimSlotCommand, type ClaimSlotInput } from './claim-slot.command';

// 09:00 on 4 Dec 2026 in Shanghai.
const now = new Date('2026-12-04T01:00:00Z');
const claim = (patch: Partial<ClaimSlotInput> = {}): ClaimSlotInput => ({
  clientRequestId: '0193A5C0-0000-7000-8000-000000000001',
  sessionId: '0193a5c0-0000-7000-8000-0000000000e1',
  patientResidentId: ` ${aResidentId(7).toLowerCase()} `,
  pool: undefined,
  referralId: '',
  holdMinutes: 0,
  ...patch,
});

describe(ClaimSlotCommand.name, () => {
  const sut = ClaimSlotCommand;

  it('reads the claim: ids lower case, the patient number trimmed and upper case', () => {
    expect(sut.create('hold', claim({ pool: 'reserved', holdMinutes: 30 }), now)).toEqual({
      mode: 'hold',
      clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
      sessionId: '0193a5c0-0000-7000-8000-0000000000e1',
      patientResidentId: aResidentId(7),
      pool: 'reserved',
      referralId: '',
      holdMinutes: 30,
    });
  });

  it('names the fields as the request carries them, under claim', () => {
    expect(
      refusedFields(() =>
        sut.create('book', claim({ sessionId: 'x', pool: null, referralId: 'r1', holdMinutes: 1441 }), now),
      ),
    ).toEqual([
      ['claim.sessionId', 'INVALID_FORMAT'],
      ['claim.pool', 'INVALID_VALUE'],
      ['claim.referralId', 'INVALID_FORMAT'],
      ['holdMinutes', 'OUT_OF_RANGE'],
    ]);
  });

  it('judges a patient number’s birth date against the claim’s own day', () => {
    const bornTomorrow = aResidentIdBornOn('2026-12-05');

    expect(refusedFields(() => sut.create('book', claim({ patientResidentId: bornTomorrow }), now))).toEqual([
      ['claim.patientResidentId', 'BIRTH_DATE_IN_FUTURE'],
    ]);
    expect(
      sut.create('book', claim({ patientResidentId: bornTomorrow }), new Date('2026-12-05T01:00:00Z')),
    ).toMatchObject({ patientResidentId: bornTomorrow });
  });
});
