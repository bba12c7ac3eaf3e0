import { FormularyChanged } from '../../generated/medgrid/pharmacy/v1/formulary_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** An institution stocked or unstocked a drug, or a stock movement made it available again or ran it out. */
export const FormularyChangedEvent = defineEvent<FormularyChanged>({
  type: 'medgrid.pharmacy.v1.FormularyChanged',
  schemaVersion: 1,
  topic: TOPICS.pharmacyFormulary,
  codec: FormularyChanged,
});
