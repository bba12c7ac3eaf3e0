import { type FieldViolation } from '../api/portal-types';
import {
  type GroupCreation,
  type InstitutionRegistration,
  type InstitutionType,
  type InstitutionUpdate,
  type MembershipAddition,
  type MembershipRole,
  type RegisteredLevel,
  type TeamCreation,
  type TeamMemberAddition,
  type TeamMemberRole,
} from '../api/registry-admin-types';

/**
 * The registry's forms as the page holds them (every field a string, an unchosen enum '') and the
 * request each one sends. Each mapping checks the rules the registry checks before it would
 * answer, in the registry's order and words (reason codes and field names as the request carries
 * them), so what the page shows under a field is the same whether the page or the registry
 * caught it. The registry stays the judge: a form that passes here can still be refused there.
 */

/** A form's request, or the violations that keep it from being sent. */
export type Checked<R> = { request: R; violations: [] } | { request: null; violations: FieldViolation[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const violation = (field: string, reason: string, description: string): FieldViolation => ({
  field,
  reason,
  description,
});

function uuid(field: string, value: string): FieldViolation[] {
  if (value.trim() === '') return [violation(field, 'REQUIRED', 'is required')];
  return UUID.test(value) ? [] : [violation(field, 'INVALID_FORMAT', 'must be a UUID')];
}

function text(field: string, value: string, max: number): FieldViolation[] {
  if (value.trim() === '') return [violation(field, 'REQUIRED', 'is required')];
  return value.length > max ? [violation(field, 'TOO_LONG', `must be at most ${max} characters`)] : [];
}

function chosen(field: string, value: string, description: string): FieldViolation[] {
  return value === '' ? [violation(field, 'REQUIRED', description)] : [];
}

function checked<R>(violations: FieldViolation[], request: () => R): Checked<R> {
  return violations.length > 0 ? { request: null, violations } : { request: request(), violations: [] };
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Why a unified social credit code (GB 32100, read trimmed and upper case) is refused, as the registry words it. */
export function creditCodeViolations(raw: string): FieldViolation[] {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) {
    return [violation('creditCode', 'INVALID_LENGTH', 'must be 18 characters (GB 32100)')];
  }
  if (!CREDIT_CODE_SHAPE.test(code)) {
    return [
      violation(
        'creditCode',
        'INVALID_CHARACTERS',
        'may use only digits and the letters of GB 32100 (no I, O, S, V, Z)',
      ),
    ];
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(code[i]!) * WEIGHTS[i]!;
  const check = ALPHABET[(31 - (sum % 31)) % 31];
  return check === code[17]
    ? []
    : [
        violation(
          'creditCode',
          'INVALID_CHECK_CHARACTER',
          'check character does not match (GB 32100 MOD 31)',
        ),
      ];
}

const L = {
  tertiary: 'INSTITUTION_LEVEL_TERTIARY',
  secondary: 'INSTITUTION_LEVEL_SECONDARY',
  primary: 'INSTITUTION_LEVEL_PRIMARY',
} as const satisfies Record<string, RegisteredLevel>;

/** The levels each kind of institution can have: primary care is primary by definition, hospitals are not. */
export const LEVELS_OF_TYPE: Readonly<Record<InstitutionType, readonly RegisteredLevel[]>> = {
  INSTITUTION_TYPE_GENERAL_HOSPITAL: [L.tertiary, L.secondary],
  INSTITUTION_TYPE_SPECIALIST_HOSPITAL: [L.tertiary, L.secondary],
  INSTITUTION_TYPE_TCM_HOSPITAL: [L.tertiary, L.secondary],
  INSTITUTION_TYPE_REHABILITATION_HOSPITAL: [L.tertiary, L.secondary],
  INSTITUTION_TYPE_NURSING_HOME: [L.secondary, L.primary],
  INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE: [L.primary],
  INSTITUTION_TYPE_COMMUNITY_HEALTH_STATION: [L.primary],
  INSTITUTION_TYPE_TOWNSHIP_HEALTH_CENTRE: [L.primary],
  INSTITUTION_TYPE_VILLAGE_CLINIC: [L.primary],
  INSTITUTION_TYPE_SHARED_CENTRE: [L.tertiary, L.secondary, L.primary],
};

/** An institution's details as the registry checks them when it is registered or updated. */
function detailViolations(draft: InstitutionDetailsDraft): FieldViolation[] {
  return [
    ...text('name', draft.name, 200),
    ...chosen('level', draft.level, 'must be TERTIARY, SECONDARY or PRIMARY'),
    ...chosen('type', draft.type, 'is required'),
    ...text('address', draft.address, 500),
  ];
}

/** The rule the registry checks once the fields pass: the level must be one the type allows. */
function levelFitViolations(level: RegisteredLevel, type: InstitutionType): FieldViolation[] {
  return LEVELS_OF_TYPE[type].includes(level)
    ? []
    : [violation('level', 'LEVEL_DOES_NOT_FIT_TYPE', `a ${type} cannot be a ${level} institution`)];
}

export interface InstitutionDetailsDraft {
  name: string;
  level: RegisteredLevel | '';
  type: InstitutionType | '';
  address: string;
}

export interface InstitutionRegistrationDraft extends InstitutionDetailsDraft {
  creditCode: string;
  gridId: string;
}

export const EMPTY_REGISTRATION: InstitutionRegistrationDraft = {
  creditCode: '',
  name: '',
  level: '',
  type: '',
  gridId: '',
  address: '',
};

/** RegisterInstitution: the registry checks the request id, grid, credit code, then the details. */
export function registrationRequest(
  draft: InstitutionRegistrationDraft,
  clientRequestId: string,
): Checked<InstitutionRegistration> {
  const fields = [
    ...uuid('gridId', draft.gridId),
    ...creditCodeViolations(draft.creditCode),
    ...detailViolations(draft),
  ];
  const fit =
    fields.length === 0
      ? levelFitViolations(draft.level as RegisteredLevel, draft.type as InstitutionType)
      : [];
  return checked([...fields, ...fit], () => ({
    clientRequestId,
    creditCode: draft.creditCode.trim().toUpperCase(),
    name: draft.name.trim(),
    level: draft.level as RegisteredLevel,
    type: draft.type as InstitutionType,
    gridId: draft.gridId,
    address: draft.address.trim(),
  }));
}

/** The edit form of an institution as it was read. */
export function updateDraftOf(institution: {
  name: string;
  level?: string;
  type?: string;
  address?: string;
}): InstitutionDetailsDraft {
  const level = (Object.values(L) as string[]).includes(institution.level ?? '')
    ? (institution.level as RegisteredLevel)
    : '';
  const type =
    institution.type && institution.type in LEVELS_OF_TYPE ? (institution.type as InstitutionType) : '';
  return { name: institution.name, level, type, address: institution.address ?? '' };
}

/** UpdateInstitution against the version read: the registry checks the details, then the level's fit. */
export function updateRequest(
  draft: InstitutionDetailsDraft,
  expectedVersion: number,
  clientRequestId: string,
): Checked<InstitutionUpdate> {
  const fields = [
    ...(expectedVersion >= 1
      ? []
      : [violation('expectedVersion', 'REQUIRED', 'must be the version you read (1 or more)')]),
    ...detailViolations(draft),
  ];
  const fit =
    fields.length === 0
      ? levelFitViolations(draft.level as RegisteredLevel, draft.type as InstitutionType)
      : [];
  return checked([...fields, ...fit], () => ({
    clientRequestId,
    expectedVersion,
    name: draft.name.trim(),
    level: draft.level as RegisteredLevel,
    type: draft.type as InstitutionType,
    address: draft.address.trim(),
  }));
}

export interface GroupDraft {
  gridId: string;
  name: string;
}

/** CreateMedicalGroup: a grid and a name. */
export function groupRequest(draft: GroupDraft, clientRequestId: string): Checked<GroupCreation> {
  return checked([...uuid('gridId', draft.gridId), ...text('name', draft.name, 200)], () => ({
    clientRequestId,
    gridId: draft.gridId,
    name: draft.name.trim(),
  }));
}

export interface MembershipDraft {
  institutionId: string;
  role: MembershipRole | '';
}

/** What the page knows of a would-be member: its level and type, when the directory has them. */
export interface InstitutionClass {
  level?: string;
  type?: string;
}

/**
 * AddMembership: an institution and its role; where the page knows the institution, the rules the
 * registry's group applies to a lead (a tertiary general hospital) and a collaborating unit (not
 * primary care) too.
 */
export function membershipRequest(
  draft: MembershipDraft,
  clientRequestId: string,
  institution?: InstitutionClass,
): Checked<MembershipAddition> {
  const fields = [
    ...uuid('institutionId', draft.institutionId),
    ...chosen('role', draft.role, 'must be LEAD, MEMBER or COLLABORATING'),
  ];
  const rules: FieldViolation[] = [];
  if (fields.length === 0 && institution?.level && institution.type) {
    if (
      draft.role === 'MEMBERSHIP_ROLE_LEAD' &&
      !(institution.level === L.tertiary && institution.type === 'INSTITUTION_TYPE_GENERAL_HOSPITAL')
    ) {
      rules.push(
        violation(
          'institutionId',
          'LEAD_MUST_BE_TERTIARY_GENERAL_HOSPITAL',
          'the lead hospital must be a tertiary general hospital',
        ),
      );
    }
    if (draft.role === 'MEMBERSHIP_ROLE_COLLABORATING' && institution.level === L.primary) {
      rules.push(
        violation(
          'institutionId',
          'COLLABORATOR_MUST_BE_SECONDARY_OR_TERTIARY',
          'a collaborating unit must be a secondary or tertiary institution',
        ),
      );
    }
  }
  return checked([...fields, ...rules], () => ({
    clientRequestId,
    institutionId: draft.institutionId,
    role: draft.role as MembershipRole,
  }));
}

export interface TeamMemberDraft {
  practitionerId: string;
  role: TeamMemberRole | '';
}

export interface TeamDraft {
  name: string;
  members: TeamMemberDraft[];
}

const ROLE_RULE = 'must be GENERAL_PRACTITIONER, SPECIALIST or HEALTH_MANAGER';

function memberViolations(prefix: string, member: TeamMemberDraft): FieldViolation[] {
  return [
    ...uuid(`${prefix}.practitionerId`, member.practitionerId),
    ...chosen(`${prefix}.role`, member.role, ROLE_RULE),
  ];
}

/**
 * CreateTeam at a primary institution: a name and the first members, named members[i] as the
 * request carries them; among them a general practitioner, who carries the contracts.
 */
export function teamRequest(
  draft: TeamDraft,
  institutionId: string,
  clientRequestId: string,
): Checked<TeamCreation> {
  const members = draft.members;
  const fields = [
    ...uuid('institutionId', institutionId),
    ...text('name', draft.name, 100),
    ...(members.length === 0
      ? [violation('members', 'REQUIRED', 'a team needs members, at least one general practitioner')]
      : members.flatMap((member, i) => memberViolations(`members[${i}]`, member))),
  ];
  const practitioner =
    fields.length === 0 && !members.some((m) => m.role === 'TEAM_MEMBER_ROLE_GENERAL_PRACTITIONER')
      ? [
          violation(
            'members',
            'TEAM_NEEDS_GENERAL_PRACTITIONER',
            'a family-doctor team needs at least one general practitioner',
          ),
        ]
      : [];
  return checked([...fields, ...practitioner], () => ({
    clientRequestId,
    institutionId,
    name: draft.name.trim(),
    members: members.map((m) => ({ practitionerId: m.practitionerId, role: m.role as TeamMemberRole })),
  }));
}

/** AddTeamMember: one practitioner and the role they take (member.practitionerId, member.role). */
export function teamMemberRequest(
  draft: TeamMemberDraft,
  clientRequestId: string,
): Checked<TeamMemberAddition> {
  return checked(memberViolations('member', draft), () => ({
    clientRequestId,
    member: { practitionerId: draft.practitionerId, role: draft.role as TeamMemberRole },
  }));
}
