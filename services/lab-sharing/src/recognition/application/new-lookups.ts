import { type AtomicInserts } from '@medgrid/database';
import { type RecognitionLookup } from '../domain/recognition-lookup';

/**
 * Port: a new look-up's row staged in a one-statement write, so it lands with its audit row and the record
 * of its client request (LookUpResults). The look-ups' repository implements it; a port of the application
 * layer because staging rows is a persistence idea the domain's repository does not know.
 */
export abstract class NewLookups {
  abstract stage(inserts: AtomicInserts, lookup: RecognitionLookup): void;
}
