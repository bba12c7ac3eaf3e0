import { SharedCentreChanged } from '../../generated/medgrid/lab_sharing/v1/centre_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A group's shared centre was registered or changed; the payload is its whole new state. */
export const SharedCentreChangedEvent = defineEvent<SharedCentreChanged>({
  type: 'medgrid.lab_sharing.v1.SharedCentreChanged',
  schemaVersion: 1,
  topic: TOPICS.labSharingCentre,
  codec: SharedCentreChanged,
});
