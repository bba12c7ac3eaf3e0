import { now } from '../../enrolment/test/enrolment.factory';
import { aClaim } from '../test/claim.factory';
import { ClaimError, ClaimErrorCode } from './claim-error';
import { ClaimRecord } from './claim-record';

const later = new Date('2026-12-05T03:00:00Z');

function refusal(act: () => unknown): ClaimError {
  try {
    act();
  } catch (error) {
    if (error instanceof ClaimError) return error;
    throw error;
  }
  throw new Error('expected a ClaimError');
}

function aReceivedClaim(): ClaimRecord {
  const record = ClaimRecord.receive('claim-1', aClaim(), now, false);
  record.pullEvents();
  return record;
}

describe(ClaimRecord.name, () => {
  it('receives a claim as its first version, announced', () => {
    const sut = ClaimRecord.receive('claim-1', aClaim(), now, false);

    expect(sut.current).toEqual({
      version: 1,
      submission: aClaim(),
      receivedAt: now,
      correctionReason: null,
    });
    expect(sut.pullEvents()).toEqual([{ claimId: 'claim-1', change: 'received', version: 1, at: now }]);
  });

  it('answers the same claim number with the same content as a retry, and changes nothing', () => {
    const sut = aReceivedClaim();

    expect(sut.receiveAgain(aClaim())).toBe('already-received');
    expect(sut.snapshot().versions).toHaveLength(1);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('refuses the same claim number with other content: a change is a correction', () => {
    const error = refusal(() => aReceivedClaim().receiveAgain(aClaim({ contracted: false })));

    expect(error.code).toBe(ClaimErrorCode.ClaimNumberReused);
    expect(error.category).toBe('invalid-argument');
    expect(error.violations[0]?.field).toBe('claimNumber');
  });

  it('replaces a claim by a correction, keeping the version it replaced, and answers a retry of either version', () => {
    const sut = aReceivedClaim();
    const corrected = aClaim({ lines: aClaim().lines.slice(0, 2) });

    sut.correct(corrected, ' metformin was billed twice ', 1, later, false);

    expect(sut.current).toEqual({
      version: 2,
      submission: corrected,
      receivedAt: later,
      correctionReason: 'metformin was billed twice',
    });
    expect(sut.snapshot().versions[0]?.submission).toEqual(aClaim());
    expect(sut.pullEvents()).toEqual([{ claimId: 'claim-1', change: 'corrected', version: 2, at: later }]);
    expect(sut.receiveAgain(corrected)).toBe('already-received');
    expect(sut.receiveAgain(aClaim())).toBe('already-received');
  });

  it('refuses a correction from a stale version, without a reason, identical to the claim or of another claim', () => {
    const sut = aReceivedClaim();
    const corrected = aClaim({ contracted: false });

    expect(refusal(() => sut.correct(corrected, 'x', 2, later, false)).code).toBe(
      ClaimErrorCode.StaleClaimVersion,
    );
    expect(
      refusal(() => sut.correct(corrected, '  ', 1, later, false)).violations.map((v) => v.field),
    ).toEqual(['reason']);
    expect(refusal(() => sut.correct(aClaim(), 'same', 1, later, false)).code).toBe(
      ClaimErrorCode.NothingCorrected,
    );
    expect(
      refusal(() => sut.correct(aClaim({ claimNumber: 'OP-OTHER' }), 'renumbered', 1, later, false))
        .violations[0]?.field,
    ).toBe('claimNumber');
    expect(sut.snapshot().versions).toHaveLength(1);
  });

  it('refuses a claim, or a correction, dated in a period already settled', () => {
    const error = refusal(() => ClaimRecord.receive('claim-2', aClaim(), now, true));
    expect(error.code).toBe(ClaimErrorCode.PeriodAlreadySettled);
    expect(error.violations[0]?.field).toBe('serviceDate');

    const sut = aReceivedClaim();
    expect(refusal(() => sut.correct(aClaim({ contracted: false }), 'late', 1, later, true)).code).toBe(
      ClaimErrorCode.PeriodAlreadySettled,
    );
    expect(sut.current.version).toBe(1);
  });

  it('refuses a claim with bad fields before anything else, every field named', () => {
    const error = refusal(() =>
      ClaimRecord.receive('claim-3', aClaim({ principalDiagnosis: 'X', claimNumber: '' }), now, true),
    );

    expect(error.code).toBe(ClaimErrorCode.InvalidClaim);
    expect(error.violations.map((v) => v.field)).toEqual(['claimNumber', 'principalDiagnosis']);
  });
});
