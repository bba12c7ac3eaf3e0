import { defineTopic, type TopicDefinition } from './event-contract';

/**
 * Every topic of the platform, one per aggregate stream (docs/architecture.md,
 * "How they talk"). Partition counts are deliberate: a partition is the unit of
 * consumer parallelism, and the key (aggregate id) keeps one aggregate's
 * events in order.
 */
export const TOPICS = {
  referral: defineTopic({
    name: 'medgrid.referral.referral.v1',
    partitions: 6,
    compacted: false,
    retentionDays: 30,
  }),
  slotHold: defineTopic({
    name: 'medgrid.scheduling.slot-hold.v1',
    partitions: 6,
    compacted: false,
    retentionDays: 30,
  }),
  schedulingBooking: defineTopic({
    name: 'medgrid.scheduling.booking.v1',
    partitions: 6,
    compacted: false,
    retentionDays: 30,
  }),
  schedulingSession: defineTopic({
    name: 'medgrid.scheduling.session.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  schedulingWaitlist: defineTopic({
    name: 'medgrid.scheduling.waitlist.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  schedulingAdmission: defineTopic({
    name: 'medgrid.scheduling.admission.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  // Master data: compacted, and every event carries the whole state, so the
  // latest record per key is the current state a new consumer starts from.
  registryInstitution: defineTopic({
    name: 'medgrid.registry.institution.v1',
    partitions: 3,
    compacted: true,
    retentionDays: 0,
  }),
  registryMedicalGroup: defineTopic({
    name: 'medgrid.registry.medical-group.v1',
    partitions: 3,
    compacted: true,
    retentionDays: 0,
  }),
  registryGrid: defineTopic({
    name: 'medgrid.registry.grid.v1',
    partitions: 1,
    compacted: true,
    retentionDays: 0,
  }),
  registryDepartment: defineTopic({
    name: 'medgrid.registry.department.v1',
    partitions: 3,
    compacted: true,
    retentionDays: 0,
  }),
  registryPractitioner: defineTopic({
    name: 'medgrid.registry.practitioner.v1',
    partitions: 3,
    compacted: true,
    retentionDays: 0,
  }),
  registryTeam: defineTopic({
    name: 'medgrid.registry.team.v1',
    partitions: 3,
    compacted: true,
    retentionDays: 0,
  }),
  registryResident: defineTopic({
    name: 'medgrid.registry.resident.v1',
    partitions: 6,
    compacted: true,
    retentionDays: 0,
  }),
  registryContract: defineTopic({
    name: 'medgrid.registry.contract.v1',
    partitions: 6,
    compacted: true,
    retentionDays: 0,
  }),
  labSharingOrder: defineTopic({
    name: 'medgrid.lab-sharing.order.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  labSharingReport: defineTopic({
    name: 'medgrid.lab-sharing.report.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  labSharingCriticalValue: defineTopic({
    name: 'medgrid.lab-sharing.critical-value.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  // A group's shared centres are master data: compacted, every event the whole state.
  labSharingCentre: defineTopic({
    name: 'medgrid.lab-sharing.centre.v1',
    partitions: 3,
    compacted: true,
    retentionDays: 0,
  }),
  labSharingSterilisation: defineTopic({
    name: 'medgrid.lab-sharing.sterilisation.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  labSharingRecognition: defineTopic({
    name: 'medgrid.lab-sharing.recognition.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  labSharingResult: defineTopic({
    name: 'medgrid.lab-sharing.result.v1',
    partitions: 6,
    compacted: false,
    retentionDays: 30,
  }),
  pharmacyCatalogue: defineTopic({
    name: 'medgrid.pharmacy.catalogue.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  pharmacyFormulary: defineTopic({
    name: 'medgrid.pharmacy.formulary.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  pharmacyPurchasing: defineTopic({
    name: 'medgrid.pharmacy.purchasing.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  pharmacyContinuity: defineTopic({
    name: 'medgrid.pharmacy.continuity.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  paymentClaim: defineTopic({
    name: 'medgrid.payment.claim.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  paymentSettlement: defineTopic({
    name: 'medgrid.payment.settlement.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
  gateway: defineTopic({
    name: 'medgrid.gateway.gateway.v1',
    partitions: 3,
    compacted: false,
    retentionDays: 30,
  }),
} as const satisfies Record<string, TopicDefinition>;

export const ALL_TOPICS: readonly TopicDefinition[] = Object.values(TOPICS);
