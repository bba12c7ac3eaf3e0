import { createFileRegistry, type DescMessage, type DescMethod, fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { status } from '@grpc/grpc-js';
import { type Identity } from '@medgrid/auth';
import { DESCRIPTOR_SET_PATH } from '@medgrid/contracts';
import { decodeErrorDetails } from '@medgrid/grpc';
import { readFileSync } from 'node:fs';
import { type Client as PgClient } from 'pg';
import { stringRole } from '../fuzz/request-fuzzer';
import { type AccessCity, type CityGroup, type Service } from './access-city';
import { type Owner, type OwnerIds, requestFor } from './access-requests';
import { AccessRpc } from './access-rpc';
import { type Caller, type Cell, type Expected } from './access-table';

/** How one cell answered, and what was wrong with it (empty: as the table says). */
export interface CellResult {
  readonly cell: Cell;
  readonly code: status;
  readonly reason: string | undefined;
  readonly got: Expected;
  readonly problems: string[];
  /**
   * The answer is the table's, and came from the rule: not INVALID_ARGUMENT (a service may check the request before
   * the caller) and not a record the walk did not make.
   */
  readonly verified: boolean;
  /** Why the cell was counted apart, when it was: the request's validation, or a record the walk did not make. */
  readonly apart?: 'invalid-argument' | 'unmade';
  /** The audit rows looked for: a refusal's, a read's. */
  readonly audited: readonly ('refused' | 'read')[];
}

const CONCURRENCY = 8;
/** The referral RPCs that name an upward referral by its id (`id`): the walk made some of those. */
const REFERRAL_BY_ID = [
  'GetReferral',
  'SubmitReferral',
  'CancelReferral',
  'AcceptReferral',
  'DeclineReferral',
  'RecordArrival',
  'RecordCompletion',
];
/** The referral RPCs that name a downward referral by its id (`id`): the walk issued some of those. */
const DOWNWARD_BY_ID = ['AcknowledgeReferral', 'RecordFollowUp', 'CloseReferral'];
/** Made by pharmacy from the walk's downward referrals when both services run (AccessCity.continuityAssessed). */
const CONTINUITY_BY_REFERRAL = 'pharmacy.v1.ContinuityService/GetContinuityAssessment';
/** Made by scheduling from the walk's referrals when both services run (AccessCity.slotHoldsRequested). */
const SLOT_HOLD_BY_REFERRAL = 'scheduling.v1.SchedulingService/GetSlotHoldRequest';
const ALTERS_THE_CITY = ['OrganisationService/RemoveMembership', 'OrganisationService/UpdateInstitution'];
/** Statuses that mean the service failed rather than answered: wrong in any cell. */
const FAILURES = new Set([status.INTERNAL, status.UNKNOWN, status.DATA_LOSS]);

/** Every RPC of the contracts by its table name (`registry.v1.OrganisationService/RegisterCity`). */
export function contractMethods(): Map<string, DescMethod> {
  const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(DESCRIPTOR_SET_PATH)));
  const methods = new Map<string, DescMethod>();
  for (const type of registry) {
    if (type.kind !== 'service') continue;
    for (const method of type.methods)
      methods.set(`${type.typeName.replace(/^medgrid\./, '')}/${method.name}`, method);
  }
  return methods;
}

/** The service an RPC's package belongs to: `lab_sharing.v1.…` → lab-sharing. */
export function serviceOf(rpc: string): string {
  return rpc.split('.')[0]!.replace('_', '-');
}

/**
 * Whether a request names a record by an id the walk did not make (a referral, an order): a caller the rules let in
 * is then told it does not exist, which is as good an answer as any for "allowed".
 */
export function namesUnmadeRecord(method: DescMethod): boolean {
  const rpc = `${method.parent.typeName.replace(/^medgrid\./, '')}/${method.name}`;
  return NAMED_BY_KEY.includes(rpc) || namesRecordId(method.input, 0);
}

/** RPCs about a record named by a key rather than an id, which the walk does not make either. */
const NAMED_BY_KEY = [
  // A catalogue entry's key.
  'referral.v1.CriteriaService/RemoveCriteria',
];

function namesRecordId(message: DescMessage, depth: number): boolean {
  return message.fields.some((field) => {
    const name = field.name.toLowerCase();
    if (field.fieldKind === 'message') return depth < 2 && namesRecordId(field.message, depth + 1);
    return (
      field.fieldKind === 'scalar' &&
      stringRole(name) === 'id' &&
      !/client_request_id$|institution_ids?$|(^|_)(group|grid|city|region|resident)_id$/.test(name)
    );
  });
}

/**
 * Walks cells against the running services: each call as its caller (a token of its own subject, so its audit rows
 * are its own) about its owner's resources, its status read as the table reads them, and the audit log of the
 * answering service checked: a refusal leaves a "refused" row, an answered read of personal data a "read" row.
 */
export class AccessWalker {
  private readonly methods = contractMethods();
  private readonly rpc = new AccessRpc();
  private next = 0;

  constructor(private readonly city: AccessCity) {}

  async walk(cells: readonly Cell[], onResult?: (result: CellResult) => void): Promise<CellResult[]> {
    const results: CellResult[] = [];
    let index = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (index < cells.length) {
          const cell = cells[index++]!;
          const result = await this.walkCell(cell);
          results.push(result);
          onResult?.(result);
        }
      }),
    );
    return results;
  }

  close(): void {
    this.rpc.close();
  }

  private async walkCell(cell: Cell): Promise<CellResult> {
    const method = this.methods.get(cell.row.rpc);
    const problems: string[] = [];
    if (!method) {
      return {
        cell,
        code: status.UNIMPLEMENTED,
        reason: undefined,
        got: 'A',
        problems: ['no such RPC'],
        verified: false,
        audited: [],
      };
    }
    const service = cell.row.service as Service;
    const target = this.city.targets.get(service);
    if (!target) throw new Error(`${service} is not running`);
    const identity = this.identityOf(cell.caller, cell.row.rpc);
    const token = await this.tokenOf(cell.caller, identity);
    const owner = this.ownerIds(cell.caller, cell.owner, cell.row.rpc);
    const records = this.recordOf(cell.caller, cell.owner, cell.row.rpc);
    const request = requestFor(method, { ...owner, records });
    const { error, bytes } = await this.rpc.call(target.address, method, request, token);
    const code = error?.code ?? status.OK;
    const reason = error ? decodeErrorDetails(error.metadata).reason : undefined;
    const streaming = method.methodKind === 'server_streaming';
    const got = answerOf(code);
    if (FAILURES.has(code) || (code === status.DEADLINE_EXCEEDED && !streaming))
      problems.push(`failed: ${status[code]} ${error?.details ?? ''}`.trim());
    const unmade = got === 'N' && !records && namesUnmadeRecord(method);
    // The call stopped before the rule the cell is about: at the request's validation, or at a record the walk
    // did not create. Counted, not judged.
    const unreached =
      got !== cell.expected && (code === status.INVALID_ARGUMENT || (unmade && cell.expected !== 'U'));
    // A NOT_FOUND about an id nobody made says nothing of the rule, even where the table expects N.
    const verified = got === cell.expected && code !== status.INVALID_ARGUMENT && !unmade;
    if (!verified && !unreached && got !== cell.expected)
      problems.push(
        `expected ${cell.expected}, got ${status[code]}${reason ? ` ${reason}` : ''}${error?.details ? `: ${error.details.slice(0, 160)}` : ''}`,
      );
    const audited: ('refused' | 'read')[] = [];
    if (code === status.PERMISSION_DENIED) {
      audited.push('refused');
      if (!(await this.audited(target.sql, identity, 'refused')))
        problems.push('refused without an audit row');
    }
    if (cell.row.auditsRead && code === status.OK && bytes > 0) {
      audited.push('read');
      if (!(await this.audited(target.sql, identity, 'read')))
        problems.push('read personal data without an audit row');
    }
    if (process.env.ACCESS_DEBUG && code === status.INVALID_ARGUMENT)
      process.stdout.write(
        `access IA ${cell.row.rpc} ${cell.caller} ${cell.owner}: ${decodeErrorDetails(error?.metadata)
          .fieldViolations.map((v) => `${v.field} ${v.reason}`)
          .join(', ')}\n`,
      );
    const apart =
      verified || problems.length > 0
        ? undefined
        : code === status.INVALID_ARGUMENT
          ? 'invalid-argument'
          : 'unmade';
    return { cell, code, reason, got, problems, verified, apart, audited };
  }

  private audited(sql: PgClient, identity: Identity, action: string): Promise<boolean> {
    return sql
      .query(`SELECT 1 FROM audit_log WHERE actor_subject = $1 AND action = $2 LIMIT 1`, [
        identity.subject,
        action,
      ])
      .then(({ rowCount }) => (rowCount ?? 0) > 0);
  }

  /** The caller, with a subject of its own for this one call (staff: a practitioner of theirs in lab-sharing). */
  private identityOf(caller: Caller, rpc: string): Identity {
    const { ours } = this.city;
    const subject = `access-${caller}-${++this.next}`;
    const at = (role: Identity['role'], institutionId: string): Identity => ({
      subject,
      role,
      institutionId,
      groupId: ours.groupId,
      practitionerId: null,
    });
    const inLab = (institutionId: string) =>
      serviceOf(rpc) === 'lab-sharing'
        ? (this.city.records.get('practitioner', institutionId) ?? null)
        : null;
    switch (caller) {
      case 'city-operator':
        return { subject, role: 'city-operator', institutionId: null, groupId: null, practitionerId: null };
      case 'group-admin':
        return at('group-admin', ours.leadId);
      case 'primary-staff':
        // In lab-sharing, the centre's general practitioner: a clinician of the site, who acknowledges its alerts.
        return { ...at('primary-staff', ours.centreId), practitionerId: inLab(ours.centreId) };
      case 'partner-system':
        return at('partner-system', ours.leadId);
      default:
        // In lab-sharing, the lead hospital's laboratory physician (the registry's record of its practitioner): the
        // lead hosts the group's centres, and their reports are worked on by a practitioner of the host.
        return {
          ...at('hospital-staff', ours.leadId),
          practitionerId:
            serviceOf(rpc) === 'lab-sharing'
              ? (this.city.records.get('practitioner', ours.leadId) ?? null)
              : null,
        };
    }
  }

  private tokenOf(caller: Caller, identity: Identity): Promise<string | undefined> {
    switch (caller) {
      case 'no-token':
        return Promise.resolve(undefined);
      case 'expired-token':
        return this.city.token(identity, 'expired');
      case 'other-key':
        return this.city.token(identity, 'foreign-key');
      default:
        return this.city.token(identity);
    }
  }

  /**
   * The owner's ids as this caller sees them: its own institution, another institution of its group, or the like
   * institution of the other group. A city operator, of no institution, is given the lead hospital of "our" group.
   */
  ownerIds(caller: Caller, owner: Owner, rpc: string): OwnerIds {
    const { ours, theirs, cityId } = this.city;
    const primary = caller === 'primary-staff';
    // Taking an institution out of its group, or changing it, names the group's secondary hospital, which makes no
    // calls: the walk must not take the callers' own institutions out of the city it walks.
    if (ALTERS_THE_CITY.some((name) => rpc.endsWith(name))) {
      const group = owner === 'other-group' ? theirs : ours;
      return { service: serviceOf(rpc), group, institutionId: group.secondaryId, cityId };
    }
    const own = (g: CityGroup) => (primary ? g.centreId : g.leadId);
    const ids = (group: CityGroup, institutionId: string): OwnerIds => ({
      service: serviceOf(rpc),
      group,
      institutionId,
      cityId,
    });
    switch (owner) {
      case 'own-institution':
        return ids(ours, own(ours));
      case 'own-group':
        return ids(ours, primary ? ours.leadId : ours.centreId);
      case 'other-group':
        return ids(theirs, own(theirs));
    }
  }

  /**
   * The request fields naming the records the walk made for the owner, or none where it made none. A referral is the
   * caller's institution's (it receives or sent it), one of its group it is no party to, or one of the other group;
   * every other record is the owner institution's (access-records.ts).
   */
  recordOf(caller: Caller, owner: Owner, rpc: string): Record<string, string> | undefined {
    // A referral's slot hold request is scheduling's record of the referral, named by the referral's id.
    const field = REFERRAL_BY_ID.some((name) => rpc === `referral.v1.ReferralService/${name}`)
      ? 'id'
      : rpc === SLOT_HOLD_BY_REFERRAL && this.city.slotHoldsRequested
        ? 'referralId'
        : undefined;
    const downward = DOWNWARD_BY_ID.some((name) => rpc === `referral.v1.ReferralService/${name}`)
      ? 'id'
      : rpc === CONTINUITY_BY_REFERRAL && this.city.continuityAssessed
        ? 'referralId'
        : undefined;
    if (downward) {
      // Issued by the lead hospital to the centre (the hospital callers issued it, primary staff receive it), by the
      // secondary hospital (the lead hospital is no party to it; the group's one centre is a party to every one of
      // its downward referrals, so primary staff have none of their group they are no party to), by group B's lead.
      const { ours, theirs } = this.city.downward;
      if (!ours.lead) return undefined;
      switch (owner) {
        case 'own-institution':
          return { [downward]: ours.lead };
        case 'own-group':
          return caller === 'primary-staff' ? undefined : { [downward]: ours.secondary };
        case 'other-group':
          return { [downward]: theirs.lead };
      }
    }
    if (field) {
      const { ours, theirs } = this.city.referrals;
      if (!ours.lead) return undefined;
      switch (owner) {
        case 'own-institution':
          return { [field]: ours.lead };
        case 'own-group':
          return { [field]: caller === 'primary-staff' ? ours.hospitals : ours.secondary };
        case 'other-group':
          return { [field]: theirs.lead };
      }
    }
    return this.city.records.fieldsFor(rpc, this.ownerIds(caller, owner, rpc).institutionId);
  }
}

/** A status as the table names it: anything but a refusal or "not found" got past the access rules. */
function answerOf(code: status): Expected {
  if (code === status.PERMISSION_DENIED) return 'D';
  if (code === status.UNAUTHENTICATED) return 'U';
  if (code === status.NOT_FOUND) return 'N';
  return 'A';
}
