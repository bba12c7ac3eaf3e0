export {
  deadLetterTopicName,
  defineEvent,
  defineTopic,
  type EventContract,
  type MessageCodec,
  type TopicDefinition,
} from './event-contract';
export {
  CityRegisteredEvent,
  DepartmentRegisteredEvent,
  GridRegisteredEvent,
  InstitutionChangedEvent,
  MedicalGroupChangedEvent,
} from './events/registry/organisation.events';
export { ContractChangedEvent, ResidentChangedEvent } from './events/registry/resident.events';
export { PractitionerChangedEvent, TeamChangedEvent } from './events/registry/workforce.events';
export {
  GreenChannelActivatedEvent,
  ReferralAcceptedEvent,
  ReferralCancelledEvent,
  ReferralChangedEvent,
  ReferralExpiredEvent,
  ReferralSubmittedEvent,
} from './events/referral/referral.events';
export {
  AdmissionChangedEvent,
  BookingChangedEvent,
  SessionChangedEvent,
  SlotHoldChangedEvent,
  SlotHoldRequestedEvent,
  WaitlistChangedEvent,
} from './events/scheduling/scheduling.events';
export {
  OrderCancelledEvent,
  OrderPerformedEvent,
  OrderPlacedEvent,
  OrderReportedEvent,
} from './events/lab-sharing/order.events';
export {
  CriticalValueAcknowledgedEvent,
  CriticalValueEscalatedEvent,
  CriticalValueRaisedEvent,
  ReportAmendedEvent,
  ReportSignedEvent,
} from './events/lab-sharing/report.events';
export { SharedCentreChangedEvent } from './events/lab-sharing/centre.events';
export { SterilisationBatchChangedEvent } from './events/lab-sharing/sterilisation.events';
export {
  CatalogueChangedEvent,
  OrderedAnywayEvent,
  ResultChangedEvent,
  ResultReusedEvent,
} from './events/lab-sharing/result.events';
export { ClaimAdjudicatedEvent } from './events/payment/claim.events';
export { SettlementCompletedEvent } from './events/payment/settlement.events';
export { DrugChangedEvent } from './events/pharmacy/catalogue.events';
export { MedicationContinuityAssessedEvent } from './events/pharmacy/continuity.events';
export { FormularyChangedEvent } from './events/pharmacy/formulary.events';
export { PurchaseOrderDistributedEvent, PurchaseOrderPlacedEvent } from './events/pharmacy/purchasing.events';
export * as events from './generated/medgrid/events/v1/envelope.pb';
export * as rpcStatus from './generated/google/rpc/status.pb';
export * as rpcErrorDetails from './generated/google/rpc/error_details.pb';
export * as protobufAny from './generated/google/protobuf/any.pb';
export * as referralV1 from './generated/medgrid/referral/v1/referral.pb';
export * as referralServiceV1 from './generated/medgrid/referral/v1/referral_service.pb';
export * as criteriaServiceV1 from './generated/medgrid/referral/v1/criteria_service.pb';
export * as schedulingV1 from './generated/medgrid/scheduling/v1/scheduling_service.pb';
export * as schedulingEventsV1 from './generated/medgrid/scheduling/v1/scheduling_events.pb';
export * as schedulingModelV1 from './generated/medgrid/scheduling/v1/scheduling.pb';
export * as scheduleServiceV1 from './generated/medgrid/scheduling/v1/schedule_service.pb';
export * as bookingServiceV1 from './generated/medgrid/scheduling/v1/booking_service.pb';
export * as reportServiceV1 from './generated/medgrid/scheduling/v1/report_service.pb';
export * as bedServiceV1 from './generated/medgrid/scheduling/v1/bed_service.pb';
export * as registryV1 from './generated/medgrid/registry/v1/organisation.pb';
export * as registryEventsV1 from './generated/medgrid/registry/v1/organisation_events.pb';
export * as organisationServiceV1 from './generated/medgrid/registry/v1/organisation_service.pb';
export * as peopleV1 from './generated/medgrid/registry/v1/people.pb';
export * as workforceServiceV1 from './generated/medgrid/registry/v1/workforce_service.pb';
export * as workforceEventsV1 from './generated/medgrid/registry/v1/workforce_events.pb';
export * as residentServiceV1 from './generated/medgrid/registry/v1/resident_service.pb';
export * as residentEventsV1 from './generated/medgrid/registry/v1/resident_events.pb';
export * as importServiceV1 from './generated/medgrid/registry/v1/import_service.pb';
export * as labSharingServiceV1 from './generated/medgrid/lab_sharing/v1/lab_sharing_service.pb';
export * as orderServiceV1 from './generated/medgrid/lab_sharing/v1/order_service.pb';
export * as orderEventsV1 from './generated/medgrid/lab_sharing/v1/order_events.pb';
export * as labReportServiceV1 from './generated/medgrid/lab_sharing/v1/report_service.pb';
export * as recognitionServiceV1 from './generated/medgrid/lab_sharing/v1/recognition_service.pb';
export * as resultServiceV1 from './generated/medgrid/lab_sharing/v1/result_service.pb';
export * as resultEventsV1 from './generated/medgrid/lab_sharing/v1/result_events.pb';
export * as labReportEventsV1 from './generated/medgrid/lab_sharing/v1/report_events.pb';
export * as centreServiceV1 from './generated/medgrid/lab_sharing/v1/centre_service.pb';
export * as centreEventsV1 from './generated/medgrid/lab_sharing/v1/centre_events.pb';
export * as sterilisationServiceV1 from './generated/medgrid/lab_sharing/v1/sterilisation_service.pb';
export * as sterilisationEventsV1 from './generated/medgrid/lab_sharing/v1/sterilisation_events.pb';
export * as pharmacyServiceV1 from './generated/medgrid/pharmacy/v1/pharmacy_service.pb';
export * as drugCatalogueServiceV1 from './generated/medgrid/pharmacy/v1/catalogue_service.pb';
export * as drugCatalogueEventsV1 from './generated/medgrid/pharmacy/v1/catalogue_events.pb';
export * as formularyServiceV1 from './generated/medgrid/pharmacy/v1/formulary_service.pb';
export * as formularyEventsV1 from './generated/medgrid/pharmacy/v1/formulary_events.pb';
export * as prescribingServiceV1 from './generated/medgrid/pharmacy/v1/prescribing_service.pb';
export * as continuityV1 from './generated/medgrid/pharmacy/v1/continuity.pb';
export * as continuityServiceV1 from './generated/medgrid/pharmacy/v1/continuity_service.pb';
export * as continuityEventsV1 from './generated/medgrid/pharmacy/v1/continuity_events.pb';
export * as purchasingServiceV1 from './generated/medgrid/pharmacy/v1/purchasing_service.pb';
export * as paymentServiceV1 from './generated/medgrid/payment/v1/payment_service.pb';
export * as paymentV1 from './generated/medgrid/payment/v1/payment.pb';
export * as enrolmentServiceV1 from './generated/medgrid/payment/v1/enrolment_service.pb';
export * as ruleServiceV1 from './generated/medgrid/payment/v1/rule_service.pb';
export * as claimServiceV1 from './generated/medgrid/payment/v1/claim_service.pb';
export * as claimEventsV1 from './generated/medgrid/payment/v1/claim_events.pb';
export * as settlementServiceV1 from './generated/medgrid/payment/v1/settlement_service.pb';
export * as settlementEventsV1 from './generated/medgrid/payment/v1/settlement_events.pb';
export * as budgetServiceV1 from './generated/medgrid/payment/v1/budget_service.pb';
export * as gatewayServiceV1 from './generated/medgrid/gateway/v1/gateway_service.pb';
export * as platformServiceV1 from './generated/medgrid/platform/v1/platform_service.pb';
export { DESCRIPTOR_SET_PATH } from './descriptor-set';
export { ALL_TOPICS, TOPICS } from './topics';
