import { type Observation } from '../domain/observation';
import { type ReportContent } from '../domain/report';

/** A fasting glucose of 5.1 mmol/L in its range 3.9-6.1, changed as asked. */
export function anObservation(overrides: Partial<Observation> = {}): Observation {
  return {
    itemCode: 'LAB-GLU',
    nationalCode: null,
    loinc: '14771-0',
    name: '空腹血糖',
    value: { kind: 'quantity', value: 5.1, unit: 'mmol/L' },
    referenceRange: { low: 3.9, high: 6.1 },
    flag: 'N',
    ...overrides,
  };
}

/** Signable content: a conclusion and one normal observation, nothing critical. */
export function aContent(overrides: Partial<ReportContent> = {}): ReportContent {
  return {
    findings: '',
    conclusion: '空腹血糖正常',
    observations: [anObservation()],
    critical: false,
    criticalNote: null,
    dataClass: 'general',
    ...overrides,
  };
}
