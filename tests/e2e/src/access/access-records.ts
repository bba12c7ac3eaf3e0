import { type DescMethod, fromBinary } from '@bufbuild/protobuf';
import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { decodeErrorDetails } from '@medgrid/grpc';
import { v7 as uuidv7 } from 'uuid';
import { type AccessCity, type CityGroup, type Service } from './access-city';
import { type AccessRpc } from './access-rpc';
import { requestFor } from './access-requests';

/**
 * A record the walk makes per owner before it walks, so that an RPC naming one by id is judged by its access rule
 * instead of answered NOT_FOUND for an id nobody made.
 */
export type RecordKind =
  // lab-sharing
  | 'lab-centre'
  | 'spare-centre'
  | 'supply-centre'
  | 'order'
  | 'order-for-steps'
  | 'report'
  | 'result'
  | 'result-for-steps'
  | 'lookup'
  | 'batch'
  | 'critical-value'
  // registry
  | 'institution'
  | 'medical-group'
  | 'resident'
  | 'practitioner'
  | 'practitioner-for-steps'
  | 'resident-number'
  | 'team'
  | 'contract'
  // scheduling
  | 'department'
  | 'ward'
  | 'admission'
  | 'session'
  | 'session-for-steps'
  | 'bookable-session'
  | 'full-session'
  | 'booking'
  | 'held-booking'
  | 'waitlist-entry'
  // payment
  | 'claim'
  | 'claim-for-steps'
  | 'claim-number-for-steps'
  | 'settlement-run'
  // pharmacy
  | 'requisition'
  | 'requisition-for-steps'
  | 'purchase-order'
  | 'drug';

/** Where a request names a record: the field's path in the request, and the kind of record it names. */
export interface NamedRecord {
  readonly field: string;
  readonly kind: RecordKind;
}

/** The RPCs naming records the walk makes (the referrals are made and named apart: AccessCity.referrals). */
export const NAMED_RECORDS: Readonly<Record<string, readonly NamedRecord[]>> = {
  'lab_sharing.v1.CentreService/GetCentre': [{ field: 'centreId', kind: 'lab-centre' }],
  'lab_sharing.v1.CentreService/ListCentreReporters': [{ field: 'centreId', kind: 'lab-centre' }],
  'lab_sharing.v1.CentreService/AddServedInstitution': [{ field: 'centreId', kind: 'spare-centre' }],
  'lab_sharing.v1.CentreService/RemoveServedInstitution': [{ field: 'centreId', kind: 'spare-centre' }],
  'lab_sharing.v1.CentreService/CloseCentre': [{ field: 'centreId', kind: 'spare-centre' }],
  'lab_sharing.v1.OrderService/PlaceOrder': [{ field: 'centreId', kind: 'lab-centre' }],
  'lab_sharing.v1.OrderService/GetOrder': [{ field: 'orderId', kind: 'order' }],
  'lab_sharing.v1.OrderService/RecordExamData': [{ field: 'orderId', kind: 'order-for-steps' }],
  'lab_sharing.v1.OrderService/CancelOrder': [{ field: 'orderId', kind: 'order-for-steps' }],
  'lab_sharing.v1.ReportService/GetWorklist': [{ field: 'centreId', kind: 'lab-centre' }],
  'lab_sharing.v1.ReportService/GetReport': [{ field: 'reportId', kind: 'report' }],
  'lab_sharing.v1.ReportService/ClaimReport': [{ field: 'reportId', kind: 'report' }],
  'lab_sharing.v1.ReportService/ReleaseReport': [{ field: 'reportId', kind: 'report' }],
  'lab_sharing.v1.ReportService/SaveDraft': [{ field: 'reportId', kind: 'report' }],
  'lab_sharing.v1.ReportService/SignReport': [{ field: 'reportId', kind: 'report' }],
  'lab_sharing.v1.ReportService/AmendReport': [{ field: 'reportId', kind: 'report' }],
  'lab_sharing.v1.ReportService/AcknowledgeCriticalValue': [
    { field: 'criticalValueId', kind: 'critical-value' },
  ],
  'lab_sharing.v1.ResultService/GetResult': [{ field: 'id', kind: 'result' }],
  'lab_sharing.v1.ResultService/GetResultFhir': [{ field: 'id', kind: 'result' }],
  'lab_sharing.v1.ResultService/MarkResultEnteredInError': [{ field: 'resultId', kind: 'result-for-steps' }],
  'lab_sharing.v1.RecognitionService/ReuseResult': [
    { field: 'lookupId', kind: 'lookup' },
    { field: 'resultId', kind: 'result' },
  ],
  'lab_sharing.v1.RecognitionService/OrderAnyway': [{ field: 'lookupId', kind: 'lookup' }],
  'lab_sharing.v1.SterilisationService/SendBatch': [{ field: 'centreId', kind: 'supply-centre' }],
  'lab_sharing.v1.SterilisationService/ReceiveBatch': [{ field: 'batchId', kind: 'batch' }],
  'lab_sharing.v1.SterilisationService/RecordCycle': [{ field: 'batchId', kind: 'batch' }],
  'lab_sharing.v1.SterilisationService/DispatchBatch': [{ field: 'batchId', kind: 'batch' }],
  'lab_sharing.v1.SterilisationService/ConfirmReturn': [{ field: 'batchId', kind: 'batch' }],
  'lab_sharing.v1.SterilisationService/GetBatch': [{ field: 'batchId', kind: 'batch' }],
  'registry.v1.OrganisationService/GetInstitution': [{ field: 'id', kind: 'institution' }],
  'registry.v1.OrganisationService/UpdateInstitution': [{ field: 'id', kind: 'institution' }],
  'registry.v1.OrganisationService/GetMedicalGroup': [{ field: 'id', kind: 'medical-group' }],
  'registry.v1.ResidentService/UpdateResident': [{ field: 'id', kind: 'resident' }],
  'registry.v1.ResidentService/SignContract': [{ field: 'teamId', kind: 'team' }],
  'registry.v1.ResidentService/RenewContract': [{ field: 'contractId', kind: 'contract' }],
  'registry.v1.ResidentService/EndContract': [{ field: 'contractId', kind: 'contract' }],
  'registry.v1.WorkforceService/GetPractitioner': [{ field: 'id', kind: 'practitioner' }],
  'registry.v1.WorkforceService/UpdatePractitioner': [{ field: 'id', kind: 'practitioner-for-steps' }],
  'registry.v1.ResidentService/GetResident': [{ field: 'residentIdNumber', kind: 'resident-number' }],
  'registry.v1.WorkforceService/CheckPractisingRight': [{ field: 'practitionerId', kind: 'practitioner' }],
  'registry.v1.WorkforceService/GetTeam': [{ field: 'id', kind: 'team' }],
  // A team is made of registered practitioners: the site's own.
  'registry.v1.WorkforceService/CreateTeam': [{ field: 'members.0.practitionerId', kind: 'practitioner' }],
  'registry.v1.WorkforceService/AddTeamMember': [
    { field: 'teamId', kind: 'team' },
    { field: 'member.practitionerId', kind: 'practitioner' },
  ],
  'registry.v1.WorkforceService/RemoveTeamMember': [
    { field: 'teamId', kind: 'team' },
    { field: 'practitionerId', kind: 'practitioner' },
  ],
  'scheduling.v1.BedService/RegisterWard': [{ field: 'departmentId', kind: 'department' }],
  'scheduling.v1.BedService/GetWard': [{ field: 'wardId', kind: 'ward' }],
  'scheduling.v1.BedService/RequestAdmission': [{ field: 'wardId', kind: 'ward' }],
  'scheduling.v1.BedService/ListAdmissions': [{ field: 'wardId', kind: 'ward' }],
  'scheduling.v1.BedService/AssignBed': [{ field: 'admissionId', kind: 'admission' }],
  'scheduling.v1.BedService/Discharge': [{ field: 'admissionId', kind: 'admission' }],
  'scheduling.v1.BedService/CancelAdmission': [{ field: 'admissionId', kind: 'admission' }],
  'scheduling.v1.BedService/GetAdmission': [{ field: 'admissionId', kind: 'admission' }],
  'scheduling.v1.BookingService/HoldSlot': [{ field: 'claim.sessionId', kind: 'bookable-session' }],
  'scheduling.v1.BookingService/BookSlot': [{ field: 'claim.sessionId', kind: 'bookable-session' }],
  'scheduling.v1.BookingService/JoinWaitlist': [{ field: 'claim.sessionId', kind: 'full-session' }],
  'scheduling.v1.BookingService/ConfirmBooking': [{ field: 'bookingId', kind: 'held-booking' }],
  'scheduling.v1.BookingService/CancelBooking': [{ field: 'bookingId', kind: 'booking' }],
  'scheduling.v1.BookingService/GetBooking': [{ field: 'bookingId', kind: 'booking' }],
  'scheduling.v1.BookingService/LeaveWaitlist': [{ field: 'entryId', kind: 'waitlist-entry' }],
  'scheduling.v1.BookingService/GetWaitlistEntry': [{ field: 'entryId', kind: 'waitlist-entry' }],
  'scheduling.v1.ScheduleService/CreateScheduleTemplate': [
    { field: 'template.departmentId', kind: 'department' },
  ],
  'scheduling.v1.ScheduleService/GetSession': [{ field: 'sessionId', kind: 'session' }],
  'payment.v1.ClaimService/GetClaim': [{ field: 'claimId', kind: 'claim' }],
  'payment.v1.ClaimService/CorrectClaim': [
    { field: 'claimId', kind: 'claim-for-steps' },
    { field: 'claim.claimNumber', kind: 'claim-number-for-steps' },
  ],
  'payment.v1.SettlementService/GetSettlementRun': [{ field: 'runId', kind: 'settlement-run' }],
  // Not records by id, but the drug the walk's group catalogues have (a code the generic request cannot know).
  'pharmacy.v1.CatalogueService/GetDrug': [{ field: 'code', kind: 'drug' }],
  'pharmacy.v1.FormularyService/StockDrug': [{ field: 'drugCode', kind: 'drug' }],
  'pharmacy.v1.FormularyService/UnstockDrug': [{ field: 'drugCode', kind: 'drug' }],
  'pharmacy.v1.FormularyService/RecordStockMovement': [{ field: 'drugCode', kind: 'drug' }],
  'pharmacy.v1.PurchasingService/RaiseRequisition': [{ field: 'lines.0.drugCode', kind: 'drug' }],
  'pharmacy.v1.PurchasingService/GetRequisition': [{ field: 'requisitionId', kind: 'requisition' }],
  'pharmacy.v1.PurchasingService/CancelRequisition': [
    { field: 'requisitionId', kind: 'requisition-for-steps' },
  ],
  'pharmacy.v1.PurchasingService/GetPurchaseOrder': [{ field: 'purchaseOrderId', kind: 'purchase-order' }],
  'pharmacy.v1.PurchasingService/ReceiveDelivery': [{ field: 'purchaseOrderId', kind: 'purchase-order' }],
  'pharmacy.v1.PurchasingService/DistributePurchaseOrder': [
    { field: 'purchaseOrderId', kind: 'purchase-order' },
  ],
  'scheduling.v1.ScheduleService/MoveSession': [{ field: 'sessionId', kind: 'session-for-steps' }],
  'scheduling.v1.ScheduleService/SetSessionCapacity': [{ field: 'sessionId', kind: 'session-for-steps' }],
};

/** The records made, each for the institution that owns it (a group's records for each of its institutions). */
export class CityRecords {
  private readonly ids = new Map<string, string>();

  set(kind: RecordKind, institutionIds: string | readonly string[], id: string): void {
    for (const institutionId of typeof institutionIds === 'string' ? [institutionIds] : institutionIds)
      this.ids.set(`${kind} ${institutionId}`, id);
  }

  get(kind: RecordKind, institutionId: string): string | undefined {
    return this.ids.get(`${kind} ${institutionId}`);
  }

  /** The request fields naming the RPC's records of the institution; none unless the walk made every one. */
  fieldsFor(rpc: string, institutionId: string): Record<string, string> | undefined {
    const named = NAMED_RECORDS[rpc];
    if (!named) return undefined;
    const fields: Record<string, string> = {};
    for (const { field, kind } of named) {
      const id = this.get(kind, institutionId);
      if (!id) return undefined;
      fields[field] = id;
    }
    return fields;
  }

  get size(): number {
    return this.ids.size;
  }
}

/**
 * Makes records as a real caller would, through the services' public RPCs: the request built as the walk builds its
 * own (plausible values, the owner's ids) with the fields that matter given, sent with a token of the caller's role,
 * and the answer decoded. A refusal or failure stops the city: a walk on records it could not make would judge
 * nothing.
 */
export class RecordMaker {
  constructor(
    readonly city: AccessCity,
    private readonly rpc: AccessRpc,
    private readonly methods: ReadonlyMap<string, DescMethod>,
  ) {}

  get records(): CityRecords {
    return this.city.records;
  }

  /** Staff (or a system, an administrator) of an institution of the group, with a subject of its own. */
  as(
    role: Identity['role'],
    group: CityGroup,
    institutionId: string,
    practitionerId: string | null = null,
  ): Identity {
    return {
      subject: `access-maker-${uuidv7()}`,
      role,
      institutionId,
      groupId: group.groupId,
      practitionerId,
    };
  }

  get operator(): Identity {
    return {
      subject: `access-maker-${uuidv7()}`,
      role: 'city-operator',
      institutionId: null,
      groupId: null,
      practitionerId: null,
    };
  }

  /** Makes a record: the id the answer gives at `path` (`order.id`: the answer's order's id). */
  async make(
    rpc: string,
    identity: Identity,
    fields: Record<string, unknown>,
    path: string,
  ): Promise<string> {
    let at: unknown = await this.call(rpc, identity, fields);
    for (const name of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[name];
    if (typeof at !== 'string' || !at)
      throw new Error(`making the walk's records: ${rpc} answered no ${path}`);
    return at;
  }

  /** Calls the RPC as the identity; the answer decoded as a message of its output type. */
  async call(rpc: string, identity: Identity, fields: Record<string, unknown>): Promise<unknown> {
    const method = this.methods.get(rpc);
    if (!method) throw new Error(`no RPC ${rpc}`);
    const service = rpc.split('.')[0]!.replace('_', '-') as Service;
    const target = this.city.targets.get(service);
    if (!target) throw new Error(`${service} is not running`);
    const group = identity.groupId === this.city.theirs.groupId ? this.city.theirs : this.city.ours;
    const request = requestFor(
      method,
      { service, group, institutionId: identity.institutionId ?? group.leadId, cityId: this.city.cityId },
      fields,
    );
    const { error, response } = await this.rpc.call(
      target.address,
      method,
      request,
      await this.city.token(identity),
    );
    if (error) {
      const details = decodeErrorDetails(error.metadata);
      throw new Error(
        `making the walk's records: ${rpc} as ${identity.role} answered ${status[error.code]} ${details.reason ?? ''} ` +
          `${details.fieldViolations.map((v) => `${v.field} ${v.reason}`).join(', ')} ${error.details}`,
      );
    }
    return fromBinary(method.output, response ?? Buffer.alloc(0));
  }
}
