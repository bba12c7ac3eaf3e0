import { SterilisationBatchChanged } from '../../generated/medgrid/lab_sharing/v1/sterilisation_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A sterilisation batch took a step (sent, received, a cycle, dispatched, returned). */
export const SterilisationBatchChangedEvent = defineEvent<SterilisationBatchChanged>({
  type: 'medgrid.lab_sharing.v1.SterilisationBatchChanged',
  schemaVersion: 1,
  topic: TOPICS.labSharingSterilisation,
  codec: SterilisationBatchChanged,
});
