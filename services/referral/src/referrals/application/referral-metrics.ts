import { Injectable } from '@nestjs/common';
import { counter, histogram } from '@medgrid/telemetry';
import { type ReferralDomainEvent } from '../domain/referral-events';

const transitions = counter(
  'medgrid_referral_transitions_total',
  'Referral history entries recorded, by direction, action and group',
  ['direction', 'action', 'group'],
);
const toAcceptance = histogram(
  'medgrid_referral_time_to_acceptance_seconds',
  'From submission to acceptance of an upward referral',
  ['group', 'green_channel'],
  [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 172_800],
);
const toCompletion = histogram(
  'medgrid_referral_time_to_completion_seconds',
  'From submission to the completed referred visit (the 48-hour rule)',
  ['group'],
  [3600, 4 * 3600, 8 * 3600, 12 * 3600, 24 * 3600, 36 * 3600, 48 * 3600, 72 * 3600, 7 * 86_400],
);
const breaches = counter(
  'medgrid_referral_deadline_breaches_total',
  'Upward referrals whose 48-hour deadline passed before the visit was completed',
  ['group'],
);
const withoutIndication = counter(
  'medgrid_referral_without_indication_total',
  'Referrals sent on a written justification instead of a catalogued indication or criterion',
  ['direction', 'group'],
);

/** Turns committed referral changes into the business metrics (ReferralWriter calls it after the commit). */
@Injectable()
export class ReferralMetrics {
  observe(events: readonly ReferralDomainEvent[]): void {
    for (const event of events) {
      if (event.kind !== 'referral-changed') continue;
      const { referral, entry } = event;
      const group = referral.groupId;
      transitions.inc({ direction: referral.direction, action: entry.action, group });
      const sinceSubmission = referral.submittedAt
        ? (entry.occurredAt.getTime() - referral.submittedAt.getTime()) / 1000
        : null;
      if (entry.action === 'accept' && sinceSubmission !== null) {
        toAcceptance.observe({ group, green_channel: referral.greenChannel }, sinceSubmission);
      }
      if (entry.action === 'complete' && sinceSubmission !== null)
        toCompletion.observe({ group }, sinceSubmission);
      if (entry.action === 'breach-deadline') breaches.inc({ group });
      if ((entry.action === 'submit' || entry.action === 'issue') && referral.withoutIndication) {
        withoutIndication.inc({ direction: referral.direction, group });
      }
    }
  }
}
