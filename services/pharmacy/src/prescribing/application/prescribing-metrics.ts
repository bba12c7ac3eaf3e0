import { counter } from '@medgrid/telemetry';
import { type PrescriptionCheckRecord } from '../domain/prescription-record';

// Per institution (hundreds of series at most), never per drug: a drug label would be thousands of codes times
// every institution. GetPrescribingStatistics gives the figures of a period; these give the rates as they happen.
const checks = counter(
  'medgrid_pharmacy_prescription_checks_total',
  'Prescriptions checked (CheckPrescription, each recorded), per prescribing institution and outcome',
  ['institution', 'outcome'],
);
const lines = counter(
  'medgrid_pharmacy_prescription_lines_checked_total',
  'Prescription lines checked whose drug is in the catalogue, per prescribing institution, essential medicine (基本药物) or not and volume-based procurement (集采) or not',
  ['institution', 'essential', 'volume_based'],
);
const longPrescriptions = counter(
  'medgrid_pharmacy_long_prescriptions_total',
  'Lines beyond the ordinary days of supply, per prescribing institution: accepted as a long prescription or capped',
  ['institution', 'outcome'],
);

/** The counters of a recorded check, counted once it is written. */
export function countCheck(record: PrescriptionCheckRecord): void {
  const institution = record.institutionId;
  checks.inc({ institution, outcome: record.outcome });
  for (const line of record.lines) {
    if (line.catalogued) {
      lines.inc({ institution, essential: String(line.essential), volume_based: String(line.volumeBased) });
    }
    if (line.longPrescription) longPrescriptions.inc({ institution, outcome: line.longPrescription });
  }
}
