import { v7 as uuidv7 } from 'uuid';
import { anObservation } from '../../reporting/test/report-content.factory';
import { type ResultRecordSnapshot } from '../domain/result-record';

/** A final fasting-glucose result performed by an accredited institution, changed as asked. */
export function aResultSnapshot(overrides: Partial<ResultRecordSnapshot> = {}): ResultRecordSnapshot {
  return {
    id: uuidv7(),
    groupId: uuidv7(),
    patientResidentId: '11010519491231002X',
    itemCode: 'LAB-GLU',
    itemKind: 'laboratory',
    orderId: uuidv7(),
    reportId: uuidv7(),
    reportVersion: 1,
    performer: {
      institutionId: uuidv7(),
      groupId: uuidv7(),
      regionId: uuidv7(),
      quality: { accredited: true, qualityControlPassed: true },
    },
    performedAt: new Date('2026-12-01T00:00:00Z'),
    reportedAt: new Date('2026-12-01T02:00:00Z'),
    observations: [anObservation()],
    conclusion: '空腹血糖正常',
    study: null,
    dataClass: 'general',
    status: 'final',
    enteredInErrorReason: null,
    version: 1,
    ...overrides,
  };
}

/** An HIV antigen/antibody result (infectious-disease data class), changed as asked. */
export function anHivResultSnapshot(overrides: Partial<ResultRecordSnapshot> = {}): ResultRecordSnapshot {
  return aResultSnapshot({
    itemCode: 'LAB-HIV',
    observations: [
      anObservation({
        itemCode: 'LAB-HIV',
        loinc: '56888-1',
        name: 'HIV抗原抗体',
        value: { kind: 'coded', system: 'local', code: 'NEG', display: '阴性' },
        referenceRange: null,
      }),
    ],
    conclusion: '阴性',
    dataClass: 'infectious-disease',
    ...overrides,
  });
}
