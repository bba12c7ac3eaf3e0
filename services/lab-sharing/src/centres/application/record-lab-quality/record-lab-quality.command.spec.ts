import { refusedFields } from '@medgrid/testing';
import { RecordLabQualityCommand, type RecordLabQualityInput } from './record-lab-quality.command';

const input = (patch: Partial<RecordLabQualityInput> = {}): RecordLabQualityInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  institutionId: '0193a5c0-0000-7000-8000-0000000000a1',
  kind: 'iso15189-accreditation',
  reference: ' CNAS MT0123 ',
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: new Date('2032-01-01T00:00:00Z'),
  ...patch,
});

describe(RecordLabQualityCommand.name, () => {
  const sut = RecordLabQualityCommand;

  it('reads the record, its reference trimmed', () => {
    expect(sut.create(input())).toMatchObject({ kind: 'iso15189-accreditation', reference: 'CNAS MT0123' });
  });

  it('reports every missing field at once', () => {
    expect(
      refusedFields(() =>
        sut.create(
          input({
            institutionId: 'x',
            kind: undefined,
            reference: '',
            validFrom: undefined,
            validUntil: undefined,
          }),
        ),
      ),
    ).toEqual([
      ['institutionId', 'INVALID_FORMAT'],
      ['kind', 'REQUIRED'],
      ['reference', 'REQUIRED'],
      ['validFrom', 'REQUIRED'],
      ['validUntil', 'REQUIRED'],
    ]);
  });
});
