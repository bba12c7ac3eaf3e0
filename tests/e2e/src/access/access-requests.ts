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
  /** The record the request names by id (its `id` field), when the walk made one for this owner. */
  readonly recordId?: string;
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
 * Records a request names by id alone (a referral, an order) are not made here: such a call finds none.
 */
export function requestFor(method: DescMethod, owner: OwnerIds): Uint8Array {
  const init = messageInit(method.input, owner, 0);
  const rpc = `${method.parent.typeName.replace(/^medgrid\./, '')}/${method.name}`;
  Object.assign(init, ADJUSTMENTS[rpc]?.(owner) ?? {});
  return toBinary(method.input, create(method.input, init));
}

/**
 * What the generic values get wrong for an RPC, so its call reaches the access rule: fields that are alternatives
 * to the one naming the owner, and fields that must differ from it.
 */
const ADJUSTMENTS: Record<string, (owner: OwnerIds) => Record<string, unknown>> = {
  'registry.v1.ResidentService/GetResident': () => ({ id: '' }),
  'registry.v1.ResidentService/GetResidentCare': () => ({ id: '' }),
  'lab_sharing.v1.OrderService/ListOrders': () => ({ centreId: '' }),
  'lab_sharing.v1.SterilisationService/ListBatches': () => ({ centreId: '' }),
  'lab_sharing.v1.ReportService/GetReport': () => ({ reportId: '' }),
  // A referral goes to another institution of the referrer's group.
  'referral.v1.ReferralService/CreateReferral': (owner) => ({
    receivingInstitutionId:
      owner.institutionId === owner.group.secondaryId ? owner.group.leadId : owner.group.secondaryId,
  }),
  'scheduling.v1.ScheduleService/SetReservePolicy': () => ({ overrideReason: '' }),
};

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
  if (/drug_code/.test(name) || (name === 'code' && owner.service === 'pharmacy'))
    return 'XC08CAA014A001010100535';
  if (name === 'specialty_code') return '02';
  if (name === 'division_code') return '440300';
  if (name === 'credit_code') return aCreditCode();
  if (name === 'licence_number') return String(300000000000000 + Math.floor(Math.random() * 1e12));
  if (/(^|_)(start|end)_time$/.test(name)) return /start/.test(name) ? '08:00' : '12:00';
  if (/month$/.test(name)) return today().slice(0, 7);
  if (/valid_until$/.test(name)) return inDays(365);
  if (stringRole(name) === 'date') return today();
  if (name === 'id' && owner.recordId) return owner.recordId;
  if (/(^|_)ids?$/.test(name)) return uuidv7();
  if (/phone/.test(name)) return '13800138000';
  if (/code$/.test(name)) return 'A1';
  return '访问矩阵';
}
