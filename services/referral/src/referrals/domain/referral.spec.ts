import { Referral, type SubmitReferral } from './referral';
import { ReferralError } from './referral-error';

const input: SubmitReferral = {
  id: '0193a000-0000-7000-8000-000000000101',
  groupId: '0193a000-0000-7000-8000-0000000000aa',
  clientRequestId: '0193a000-0000-7000-8000-00000000c001',
  patientResidentId: '11010519491231002X',
  referringInstitutionId: '0193a000-0000-7000-8000-000000000001',
  receivingInstitutionId: '0193a000-0000-7000-8000-000000000002',
  direction: 'upward',
  icd10Code: 'I10',
  reason: 'uncontrolled hypertension',
};
const now = new Date('2026-11-23T01:00:00Z');

describe(Referral.name, () => {
  it('is submitted at version 1 and records one ReferralSubmitted event', () => {
    const sut = Referral.submit(input, now);

    expect(sut.snapshot()).toMatchObject({ status: 'submitted', version: 1, createdAt: now });
    expect(sut.pullEvents()).toEqual([
      { kind: 'referral-submitted', referral: sut.snapshot(), occurredAt: now },
    ]);
  });

  it('hands each event out once', () => {
    const sut = Referral.submit(input, now);

    sut.pullEvents();

    expect(sut.pullEvents()).toEqual([]);
  });

  it('refuses a referral from an institution to itself, naming the field', () => {
    const act = () =>
      Referral.submit({ ...input, receivingInstitutionId: input.referringInstitutionId }, now);

    expect(act).toThrow(ReferralError);
    expect(act).toThrow(
      expect.objectContaining({ code: 'SAME_INSTITUTION', category: 'invalid-argument' }) as Error,
    );
  });

  it('restores from a snapshot without recording events', () => {
    const snapshot = Referral.submit(input, now).snapshot();

    const sut = Referral.restore(snapshot);

    expect(sut.snapshot()).toEqual(snapshot);
    expect(sut.pullEvents()).toEqual([]);
    expect(sut.involves(input.receivingInstitutionId)).toBe(true);
    expect(sut.involves('0193a000-0000-7000-8000-000000000999')).toBe(false);
  });
});
