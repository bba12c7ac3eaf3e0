import { type AtomicInserts } from '@medgrid/database';
import { type PrescriptionCheckRecord } from '../domain/prescription-record';

/**
 * Port: a check's record staged in a one-statement write, so it lands with the audit row of the patient's
 * contract read (CheckPrescription). The records' repository implements it; a port of the application layer
 * because staging rows is a persistence idea the domain does not know.
 */
export abstract class NewPrescriptionChecks {
  abstract stage(inserts: AtomicInserts, record: PrescriptionCheckRecord): void;
}
