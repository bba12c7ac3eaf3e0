import { PractitionerChanged, TeamChanged } from '../../generated/medgrid/registry/v1/workforce_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A practitioner was registered or changed; the payload is the whole new state. */
export const PractitionerChangedEvent = defineEvent<PractitionerChanged>({
  type: 'medgrid.registry.v1.PractitionerChanged',
  schemaVersion: 1,
  topic: TOPICS.registryPractitioner,
  codec: PractitionerChanged,
});

/** A family-doctor team was created or changed; the payload is the whole new state. */
export const TeamChangedEvent = defineEvent<TeamChanged>({
  type: 'medgrid.registry.v1.TeamChanged',
  schemaVersion: 1,
  topic: TOPICS.registryTeam,
  codec: TeamChanged,
});
