import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from './centre-error';
import { LabQualityRecord, type LabQualityKind, LONGEST_VALIDITY_DAYS, qualityAt } from './lab-quality';

const now = new Date('2026-12-04T02:00:00Z');
const recorder = { subject: 'admin-1', institutionId: uuidv7() };

function aRecord(
  kind: LabQualityKind,
  validFrom = new Date('2026-01-01T00:00:00Z'),
  validUntil = new Date('2027-01-01T00:00:00Z'),
  reference = 'CNAS MT0123',
): LabQualityRecord {
  return LabQualityRecord.record(
    { id: uuidv7(), institutionId: uuidv7(), kind, reference, validFrom, validUntil },
    recorder,
    now,
  );
}

function refusal(act: () => unknown): { code: string; field: string | undefined } {
  const error = thrownBy(CentreError, act);
  return { code: error.code, field: error.violations[0]?.field };
}

describe(LabQualityRecord.name, () => {
  it('keeps who recorded it and when, with its reference trimmed', () => {
    const sut = aRecord('iso15189-accreditation', undefined, undefined, '  CNAS MT0123 ');
    expect(sut.snapshot()).toMatchObject({ reference: 'CNAS MT0123', recordedBy: recorder, recordedAt: now });
  });

  it('is in force from its start, inclusive, to its end, exclusive', () => {
    const sut = aRecord('external-quality-assessment');
    expect(sut.inForceAt(new Date('2025-12-31T23:59:59.999Z'))).toBe(false);
    expect(sut.inForceAt(new Date('2026-01-01T00:00:00Z'))).toBe(true);
    expect(sut.inForceAt(new Date('2026-12-31T23:59:59.999Z'))).toBe(true);
    expect(sut.inForceAt(new Date('2027-01-01T00:00:00Z'))).toBe(false);
  });

  it.each([
    ['an empty reference', () => aRecord('iso15189-accreditation', undefined, undefined, ' '), 'reference'],
    [
      'a reference too long',
      () => aRecord('iso15189-accreditation', undefined, undefined, 'x'.repeat(101)),
      'reference',
    ],
    [
      'an end before its start',
      () => aRecord('iso15189-accreditation', new Date('2026-02-01'), new Date('2026-01-01')),
      'validUntil',
    ],
    [
      'an end at its start',
      () => aRecord('iso15189-accreditation', new Date('2026-02-01'), new Date('2026-02-01')),
      'validUntil',
    ],
    [
      'a validity longer than an accreditation cycle',
      () =>
        aRecord(
          'iso15189-accreditation',
          new Date('2026-01-01T00:00:00Z'),
          new Date(Date.parse('2026-01-01T00:00:00Z') + (LONGEST_VALIDITY_DAYS + 1) * 86_400_000),
        ),
      'validUntil',
    ],
  ])('refuses %s', (_, act, field) => {
    expect(refusal(act)).toEqual({ code: CentreErrorCode.InvalidQualityRecord, field });
  });
});

describe(qualityAt.name, () => {
  const at = new Date('2026-06-01T00:00:00Z');
  const expired = (kind: LabQualityKind) =>
    aRecord(kind, new Date('2025-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));

  it.each([
    ['no record', [], { accredited: false, qualityControlPassed: false }],
    [
      'an accreditation in force',
      [aRecord('iso15189-accreditation')],
      { accredited: true, qualityControlPassed: false },
    ],
    [
      'a passed EQA in force',
      [aRecord('external-quality-assessment')],
      { accredited: false, qualityControlPassed: true },
    ],
    [
      'a passed image QC in force',
      [aRecord('image-quality-control')],
      { accredited: false, qualityControlPassed: true },
    ],
    [
      'both in force',
      [aRecord('iso15189-accreditation'), aRecord('image-quality-control')],
      { accredited: true, qualityControlPassed: true },
    ],
    [
      'only expired records',
      [expired('iso15189-accreditation'), expired('external-quality-assessment')],
      { accredited: false, qualityControlPassed: false },
    ],
  ])('answers %s', (_, records, expected) => {
    expect(qualityAt(records, at)).toEqual(expected);
  });
});
