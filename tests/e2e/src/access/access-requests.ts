import {
  create,
  type DescField,
  type DescMessage,
  type DescMethod,
  ScalarType,
  toBinary,
} from '@bufbuild/protobuf';
import { aCreditCode } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { stringRole } from '../fuzz/request-fuzzer';
import { type CityGroup } from './access-city';

/** Whose resource a request names, as the caller sees it. */
export const OWNERS = ['own-institution', 'own-group', 'other-group'] as const;
export type Owner = (typeof OWNERS)[number];

/** The ids a request names for one owner: the institution, its group, grid and a resident of the grid. */
export interface OwnerIds {
  /** The service the request goes to (some fields mean different things in different services). */
  readonly service: string;
  readonly institutionId: string;
  readonly group: CityGroup;
  readonly cityId: string;
  /**
   * The records the request names by id, where the walk made them for this owner: the field's path (`orderId`,
   * `claim.sessionId`) → the record's id.
   */
  readonly records?: Readonly<Record<string, string>>;
}

const MAX_DEPTH = 4;
const OWNER_FIELD = /resident_id|id_number|institution_id|group_id|grid_id/;
/** Dates as the services judge them: in Asia/Shanghai. */
const inDays = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const today = () => inDays(0);

/**
 * A request a real caller would send about the owner's resources, built from the request's descriptor: every field
 * that names an institution names the owner's institution, every group, grid and resident field the owner's, the
 * city's for a city or region, a fresh id for a client request or any other record, and plausible values (a date,
 * an ICD-10 code, a first enum value, 1) elsewhere, so that the call gets past validation to the access rule.
 * Records a request names by id (a referral, an order) are not made here: the walk hands their ids in `records`
 * where it made them (access-records.ts), and any other id is a fresh one, which names nothing.
 */
export function requestFor(
  method: DescMethod,
  owner: OwnerIds,
  fields: Record<string, unknown> = {},
): Uint8Array {
  const init = requestInit(method, owner);
  for (const [path, id] of Object.entries(owner.records ?? {})) setPath(init, path, id);
  for (const [path, value] of Object.entries(fields)) setPath(init, path, value);
  return toBinary(method.input, create(method.input, init));
}

/** The plausible request of requestFor as an object, before it is encoded. */
export function requestInit(method: DescMethod, owner: OwnerIds): Record<string, unknown> {
  const init = messageInit(method.input, owner, 0);
  const rpc = `${method.parent.typeName.replace(/^medgrid\./, '')}/${method.name}`;
  for (const [path, value] of Object.entries(ADJUSTMENTS[rpc]?.(owner) ?? {})) setPath(init, path, value);
  return init;
}

/** Sets `a.b.c` of a request being built; the messages on the way are there already (messageInit makes them all). */
function setPath(init: Record<string, unknown>, path: string, value: unknown): void {
  const names = path.split('.');
  const last = names.pop()!;
  let at = init;
  for (const name of names) at = at[name] as Record<string, unknown>;
  at[last] = value;
}

/**
 * What the generic values get wrong for an RPC, so its call reaches the access rule: fields that are alternatives
 * to the one naming the owner, and fields that must differ from it.
 */
/** The month the walk settles for each group (access-records): last month, over, with no claim of the walk's. */
export function settledMonth(): string {
  const [year, month] = today().split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** A claim of the resident's today: a ¥500 HbA1c at an outpatient visit, its number the claim's own. */
export function claimContent(residentId: string): Record<string, unknown> {
  return {
    claimNumber: `OP-${uuidv7()}`,
    residentId,
    serviceDate: today(),
    encounter: 1,
    inpatientDays: 0,
    lines: [{ code: 'LAB-HBA1C', kind: 2, quantity: 1, unitPrice: 50_000n, amount: 50_000n }],
    principalDiagnosis: 'E11.900',
    diseaseGroup: 'E11',
    referralId: '',
    contracted: false,
  };
}

let moves = 0;
const ADJUSTMENTS: Record<string, (owner: OwnerIds) => Record<string, unknown>> = {
  'registry.v1.ResidentService/GetResident': () => ({ id: '' }),
  'registry.v1.ResidentService/GetResidentCare': () => ({ id: '' }),
  'lab_sharing.v1.OrderService/ListOrders': () => ({ centreId: '' }),
  'lab_sharing.v1.SterilisationService/ListBatches': () => ({ centreId: '' }),
  // An order of its own: neither a look-up nor a referral it would have to fit.
  'lab_sharing.v1.OrderService/PlaceOrder': () => ({ lookupId: '', referralId: '' }),
  // The report by its id (the walk's record), not also by an order.
  'lab_sharing.v1.ReportService/GetReport': () => ({ orderId: '' }),
  // A serum specimen collected now, what the walk's glucose orders take (the generic oneof names an imaging study).
  'lab_sharing.v1.OrderService/RecordExamData': () => ({
    exam: {
      case: 'specimen',
      value: { barcode: 'GLU-ACCESS-1', specimen: 'serum', collectedAt: timestamp(0) },
    },
  }),
  // A glucose report's content, as a laboratory physician drafts it.
  'lab_sharing.v1.ReportService/SaveDraft': () => ({ content: GLUCOSE_REPORT }),
  'lab_sharing.v1.ReportService/AmendReport': () => ({ content: GLUCOSE_REPORT }),
  'lab_sharing.v1.ResultService/RecordResult': () => ({ observations: [GLUCOSE], study: undefined }),
  'lab_sharing.v1.SterilisationService/SendBatch': () => ({
    packages: [{ code: 'PKG-0001', name: '换药包', quantity: 1 }],
  }),
  // A referral goes to another institution of the referrer's group.
  'referral.v1.ReferralService/CreateReferral': (owner) => ({
    receivingInstitutionId:
      owner.institutionId === owner.group.secondaryId ? owner.group.leadId : owner.group.secondaryId,
  }),
  'scheduling.v1.ScheduleService/SetReservePolicy': () => ({ overrideReason: '' }),
  // A search, a template and a cancellation of every doctor's sessions, not of one the walk did not make.
  'scheduling.v1.BookingService/SearchAvailability': () => ({
    departmentId: '',
    practitionerId: '',
    specialtyCode: '',
  }),
  'scheduling.v1.ScheduleService/CreateScheduleTemplate': () => ({
    'template.practitionerId': '',
    'template.id': '',
  }),
  'scheduling.v1.ScheduleService/CancelSessions': () => ({ practitionerId: '' }),
  // A public seat outside a referral.
  'scheduling.v1.BookingService/HoldSlot': () => ({ 'claim.referralId': '', 'claim.pool': 2 }),
  'scheduling.v1.BookingService/BookSlot': () => ({ 'claim.referralId': '', 'claim.pool': 2 }),
  'scheduling.v1.BookingService/JoinWaitlist': () => ({ 'claim.referralId': '', 'claim.pool': 2 }),
  'scheduling.v1.BedService/RequestAdmission': () => ({ referralId: '' }),
  // Claims the walk can stand behind: valid content, a number of their own.
  'payment.v1.ClaimService/SubmitClaim': (owner) => ({ claim: claimContent(owner.group.residentId) }),
  'payment.v1.ClaimService/SubmitClaims': (owner) => ({ claims: [claimContent(owner.group.residentId)] }),
  'payment.v1.ClaimService/CorrectClaim': (owner) => ({
    claim: claimContent(owner.group.residentId),
    fromVersion: 1,
  }),
  // The month the walk settled.
  'payment.v1.SettlementService/GetSettlementReport': () => ({ month: settledMonth() }),
  // A public bed: reserved ones are for referrals from primary care.
  'scheduling.v1.BedService/AssignBed': () => ({ pool: 2 }),
  // Ahead, and to another day each time: a session is not moved into the past, nor to where it is.
  'scheduling.v1.ScheduleService/MoveSession': () => ({ date: inDays(10 + (moves++ % 50)) }),
};

/** A fasting glucose of 5.2 mmol/L, in its range: a laboratory result's observation as a LIS sends it. */
export const GLUCOSE = {
  itemCode: 'LAB-GLU',
  nationalCode: '',
  loinc: '14771-0',
  name: '空腹血糖',
  value: { case: 'quantity', value: { value: 5.2, unit: 'mmol/L' } },
  referenceRange: { low: 3.9, high: 6.1 },
  flag: 'N',
};

/** A glucose report's content: one observation in range, not critical. */
const GLUCOSE_REPORT = {
  findings: '',
  conclusion: '空腹血糖正常',
  observations: [GLUCOSE],
  critical: false,
  criticalNote: '',
  dataClass: 'general',
};

/** An instant `msAgo` before now, as a google.protobuf.Timestamp. */
export function timestamp(msAgo: number): { seconds: bigint; nanos: number } {
  const ms = Date.now() - msAgo;
  return { seconds: BigInt(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

function messageInit(desc: DescMessage, owner: OwnerIds, depth: number): Record<string, unknown> {
  if (desc.typeName === 'google.protobuf.Timestamp') {
    // An hour ago: what happened (performed, reported, a cycle) cannot be in the future.
    return { seconds: BigInt(Math.floor(Date.now() / 1000) - 3_600), nanos: 0 };
  }
  const init: Record<string, unknown> = {};
  if (depth > MAX_DEPTH) return init;
  const oneofsSet = new Set<string>();
  for (const field of desc.fields) {
    if (field.oneof) {
      if (oneofsSet.has(field.oneof.name)) continue;
      oneofsSet.add(field.oneof.name);
      // The member that names the owner (a resident's number rather than a record id), else the first.
      const chosen = field.oneof.fields.find((f) => OWNER_FIELD.test(f.name)) ?? field;
      init[field.oneof.localName] = { case: chosen.localName, value: valueOf(chosen, owner, depth) };
      continue;
    }
    const value = valueOf(field, owner, depth);
    if (value !== undefined) init[field.localName] = value;
  }
  return init;
}

function valueOf(field: DescField, owner: OwnerIds, depth: number): unknown {
  switch (field.fieldKind) {
    case 'scalar':
      return scalarOf(field, owner);
    case 'enum':
      return firstEnumValue(field.enum.values.map((v) => v.number));
    case 'message':
      if (field.message.typeName === 'google.protobuf.Timestamp') return instantFor(field.name.toLowerCase());
      return create(field.message, messageInit(field.message, owner, depth + 1));
    case 'list':
      if (field.listKind === 'scalar') return [scalarOf(field, owner)];
      if (field.listKind === 'enum') return [firstEnumValue(field.enum.values.map((v) => v.number))];
      return [create(field.message, messageInit(field.message, owner, depth + 1))];
    case 'map':
      return {};
  }
}

/**
 * A past instant (what happened cannot be in the future): the start of a period a week ago, its end a minute ago,
 * anything else an hour ago.
 */
function instantFor(name: string): unknown {
  const ago = /(from|since|after)$/.test(name) ? 7 * 86_400 : /(to|until|before)$/.test(name) ? 60 : 3_600;
  return { seconds: BigInt(Math.floor(Date.now() / 1000) - ago), nanos: 0 };
}

function firstEnumValue(values: number[]): number {
  return values.find((v) => v !== 0) ?? 0;
}

function scalarOf(field: DescField, owner: OwnerIds): unknown {
  switch (field.scalar!) {
    case ScalarType.STRING:
      return stringOf(field.name.toLowerCase(), owner);
    case ScalarType.BYTES:
      return new Uint8Array([0x61]);
    case ScalarType.BOOL:
      return false;
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
    case ScalarType.SINT64:
      return 1n;
    default:
      return 1;
  }
}

function stringOf(name: string, owner: OwnerIds): string {
  const { group } = owner;
  if (name === 'client_request_id') return uuidv7();
  if (name === 'page_token') return '';
  // The registry names a resident's record by its id; the other services by the resident's ID number.
  if (name === 'resident_id' && owner.service === 'registry') return group.residentRecordId;
  if (stringRole(name) === 'resident-id' || name === 'resident_id') return group.residentId;
  if (/institution_ids?$/.test(name) || name === 'site_id') return owner.institutionId;
  if (/(^|_)group_id$/.test(name)) return group.groupId;
  if (/(^|_)grid_id$/.test(name)) return group.gridId;
  if (/(^|_)(city|region)_id$/.test(name)) return owner.cityId;
  if (/icd|diagnos/.test(name)) return 'I10';
  // The walk's laboratory item: a fasting glucose of the starter catalogue.
  if (name === 'item_code' && owner.service === 'lab-sharing') return 'LAB-GLU';
  if (/drug_code/.test(name) || (name === 'code' && owner.service === 'pharmacy'))
    return 'XC08CAA014A001010100535';
  // scheduling's: the walk's departments (access-records); elsewhere general practice.
  if (name === 'specialty_code') return owner.service === 'scheduling' ? '03.01' : '02';
  if (name === 'division_code') return '440300';
  if (name === 'credit_code') return aCreditCode();
  if (name === 'licence_number') return String(300000000000000 + Math.floor(Math.random() * 1e12));
  if (/(^|_)(start|end)_time$/.test(name)) return /start/.test(name) ? '08:00' : '12:00';
  if (/month$/.test(name)) return today().slice(0, 7);
  if (/valid_until$/.test(name)) return inDays(365);
  if (stringRole(name) === 'date') return today();
  if (/(^|_)ids?$/.test(name)) return uuidv7();
  if (/phone/.test(name)) return '13800138000';
  if (/code$/.test(name)) return 'A1';
  return '访问矩阵';
}
