import {
  CriticalValueAcknowledged,
  CriticalValueEscalated,
  CriticalValueRaised,
  ReportAmended,
  ReportSigned,
} from '../../generated/medgrid/lab_sharing/v1/report_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A centre signed a report: its first version, for the ordering site. */
export const ReportSignedEvent = defineEvent<ReportSigned>({
  type: 'medgrid.lab_sharing.v1.ReportSigned',
  schemaVersion: 1,
  topic: TOPICS.labSharingReport,
  codec: ReportSigned,
});

/** A signed report was amended: a new version in force, the earlier ones kept. */
export const ReportAmendedEvent = defineEvent<ReportAmended>({
  type: 'medgrid.lab_sharing.v1.ReportAmended',
  schemaVersion: 1,
  topic: TOPICS.labSharingReport,
  codec: ReportAmended,
});

/** A signed version carried a critical value (危急值): the ordering site must acknowledge it. */
export const CriticalValueRaisedEvent = defineEvent<CriticalValueRaised>({
  type: 'medgrid.lab_sharing.v1.CriticalValueRaised',
  schemaVersion: 1,
  topic: TOPICS.labSharingCriticalValue,
  codec: CriticalValueRaised,
});

/** A clinician of the ordering site acknowledged a critical value. */
export const CriticalValueAcknowledgedEvent = defineEvent<CriticalValueAcknowledged>({
  type: 'medgrid.lab_sharing.v1.CriticalValueAcknowledged',
  schemaVersion: 1,
  topic: TOPICS.labSharingCriticalValue,
  codec: CriticalValueAcknowledged,
});

/** A critical value was not acknowledged in time and escalated. */
export const CriticalValueEscalatedEvent = defineEvent<CriticalValueEscalated>({
  type: 'medgrid.lab_sharing.v1.CriticalValueEscalated',
  schemaVersion: 1,
  topic: TOPICS.labSharingCriticalValue,
  codec: CriticalValueEscalated,
});
