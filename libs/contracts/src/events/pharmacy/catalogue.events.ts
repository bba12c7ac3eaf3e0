import { DrugChanged } from '../../generated/medgrid/pharmacy/v1/catalogue_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A drug of a group's catalogue was listed, changed or withdrawn from an instant on: a new catalogue version. */
export const DrugChangedEvent = defineEvent<DrugChanged>({
  type: 'medgrid.pharmacy.v1.DrugChanged',
  schemaVersion: 1,
  topic: TOPICS.pharmacyCatalogue,
  codec: DrugChanged,
});
