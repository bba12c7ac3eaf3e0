import { refusedFields } from '@medgrid/testing';
import { anObservation } from '../../../reporting/test/report-content.factory';
import { RecordResultCommand, type RecordResultInput } from './record-result.command';

const now = new Date('2026-12-04T02:00:00Z');
const input = (overrides: Partial<RecordResultInput> = {}): RecordResultInput => ({
  clientRequestId: '0193a5c0-0000-7000-8000-000000000001',
  patientResidentId: '11010519491231002x',
  itemCode: ' lab-glu ',
  performedAt: new Date('2026-12-03T00:00:00Z'),
  reportedAt: new Date('2026-12-03T02:00:00Z'),
  observations: [anObservation()],
  conclusion: '  空腹血糖正常 ',
  study: null,
  ...overrides,
});

describe(RecordResultCommand.name, () => {
  const sut = RecordResultCommand;

  it('reads the request: the patient and the item upper case, the conclusion trimmed', () => {
    expect(sut.create(input(), now)).toMatchObject({
      patientResidentId: '11010519491231002X',
      itemCode: 'LAB-GLU',
      conclusion: '空腹血糖正常',
      observations: [anObservation()],
      study: null,
    });
  });

  it.each([
    ['clientRequestId', { clientRequestId: 'x' }, 'INVALID_FORMAT'],
    ['patientResidentId', { patientResidentId: '110105194912310021' }, 'INVALID_CHECK_CHARACTER'],
    ['itemCode', { itemCode: 'glu code' }, 'INVALID_FORMAT'],
    ['performedAt', { performedAt: undefined }, 'REQUIRED'],
    ['performedAt', { performedAt: new Date('2026-12-05T00:00:00Z') }, 'IN_THE_FUTURE'],
    ['reportedAt', { reportedAt: new Date('2026-12-02T00:00:00Z') }, 'BEFORE_PERFORMED'],
    ['observations[0].flag', { observations: [anObservation({ flag: 'H' })] }, 'CONTRADICTS_RANGE'],
    [
      'study.studyInstanceUid',
      { study: { studyInstanceUid: '1.02', accessionNumber: 'A1', modalities: ['CT'] } },
      'LEADING_ZERO',
    ],
  ] as const)('refuses a bad %s (%j)', (field, overrides, reason) => {
    expect(refusedFields(() => sut.create(input(overrides as Partial<RecordResultInput>), now))).toEqual([
      [field, reason],
    ]);
  });

  it('judges a study without a performedAt by its own fields, not by failing (found by fuzzing)', () => {
    const study = { studyInstanceUid: '1.02', accessionNumber: 'A1', modalities: ['CT' as const] };
    expect(refusedFields(() => sut.create(input({ performedAt: undefined, study }), now))).toEqual([
      ['performedAt', 'REQUIRED'],
      ['study.studyInstanceUid', 'LEADING_ZERO'],
    ]);
  });

  it('reports the bad fields of the request together, in its order', () => {
    expect(
      refusedFields(() =>
        sut.create(input({ clientRequestId: '', itemCode: '', performedAt: undefined }), now),
      ),
    ).toEqual([
      ['clientRequestId', 'REQUIRED'],
      ['itemCode', 'REQUIRED'],
      ['performedAt', 'REQUIRED'],
    ]);
  });
});
