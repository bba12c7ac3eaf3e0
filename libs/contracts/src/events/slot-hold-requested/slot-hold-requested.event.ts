import { SlotHoldRequested } from '../../generated/medgrid/scheduling/v1/scheduling_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** Scheduling recorded a slot hold request for a referral (the saga's next step). */
export const SlotHoldRequestedEvent = defineEvent<SlotHoldRequested>({
  type: 'medgrid.scheduling.v1.SlotHoldRequested',
  schemaVersion: 1,
  topic: TOPICS.slotHold,
  codec: SlotHoldRequested,
});
