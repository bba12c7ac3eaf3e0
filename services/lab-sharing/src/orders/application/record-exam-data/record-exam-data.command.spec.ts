import { refusedFields } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { RecordExamDataCommand } from './record-exam-data.command';

const at = new Date('2026-12-04T08:00:00Z');
const study = {
  studyInstanceUid: ' 1.2.156.112605.1 ',
  accessionNumber: 'A1',
  modalities: ['ct'],
  performedAt: at,
};

describe(RecordExamDataCommand.name, () => {
  it('reads a study, its UID trimmed and its modalities upper case', () => {
    const sut = RecordExamDataCommand.create({ clientRequestId: uuidv7(), orderId: uuidv7(), study });

    expect(sut.exam).toEqual({
      kind: 'imaging-study',
      study: {
        studyInstanceUid: '1.2.156.112605.1',
        accessionNumber: 'A1',
        modalities: ['CT'],
        performedAt: at,
      },
    });
  });

  it('reads a specimen, its type lower case', () => {
    const sut = RecordExamDataCommand.create({
      clientRequestId: uuidv7(),
      orderId: uuidv7(),
      specimen: { barcode: 'S-1', specimen: 'SERUM', collectedAt: at },
    });

    expect(sut.exam).toEqual({
      kind: 'specimen',
      specimen: { barcode: 'S-1', specimen: 'serum', collectedAt: at },
    });
  });

  it('leaves a missing instant invalid, for the order to name', () => {
    const sut = RecordExamDataCommand.create({
      clientRequestId: uuidv7(),
      orderId: uuidv7(),
      trace: { traceId: 't', format: 'HL7-AECG', leads: 12 },
    });

    expect(sut.exam.kind === 'ecg-trace' && Number.isNaN(sut.exam.trace.recordedAt.getTime())).toBe(true);
  });

  it('refuses a request with no exam data, or with two', () => {
    const ids = { clientRequestId: uuidv7(), orderId: uuidv7() };
    const specimen = { barcode: 'S-1', specimen: 'serum', collectedAt: at };

    expect(refusedFields(() => RecordExamDataCommand.create(ids))).toEqual([['exam', 'REQUIRED']]);
    expect(refusedFields(() => RecordExamDataCommand.create({ ...ids, study, specimen }))).toEqual([
      ['exam', 'REQUIRED'],
    ]);
  });

  it('names a malformed order id', () => {
    expect(
      refusedFields(() => RecordExamDataCommand.create({ clientRequestId: uuidv7(), orderId: 'x', study })),
    ).toEqual([['orderId', 'INVALID_FORMAT']]);
  });
});
