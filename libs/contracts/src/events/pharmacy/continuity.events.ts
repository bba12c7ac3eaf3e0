import { MedicationContinuityAssessed } from '../../generated/medgrid/pharmacy/v1/continuity_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A downward referral's medication list was assessed against the receiving institution's formulary. */
export const MedicationContinuityAssessedEvent = defineEvent<MedicationContinuityAssessed>({
  type: 'medgrid.pharmacy.v1.MedicationContinuityAssessed',
  schemaVersion: 1,
  topic: TOPICS.pharmacyContinuity,
  codec: MedicationContinuityAssessed,
});
