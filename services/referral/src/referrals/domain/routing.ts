import { ReferralError, ReferralErrorCode } from './referral-error';

export type MembershipRole = 'lead' | 'member' | 'collaborating';

/** A medical group as routing needs it: its lead hospital and who belongs or collaborates. */
export interface GroupDirectory {
  readonly groupId: string;
  readonly leadInstitutionId: string | null;
  /** Institution id → how it belongs to the group. */
  readonly members: ReadonlyMap<string, MembershipRole>;
}

export interface DepartmentEntry {
  readonly id: string;
  readonly institutionId: string;
  readonly specialtyCode: string;
}

export interface RouteRequest {
  readonly referringInstitutionId: string;
  /** Empty to let routing choose. */
  readonly institutionId: string;
  /** Empty to match by specialty. */
  readonly departmentId: string;
  /** Empty when the diagnosis names no specialty. */
  readonly specialtyCode: string;
}

export interface Route {
  readonly institutionId: string;
  /** Empty when no department of the receiving institution matches: its triage decides. */
  readonly departmentId: string;
}

/**
 * The department of an institution for a specialty: the exact subject
 * (03.04 心血管内科), else its parent subject (03 内科), else none. Ties go to
 * the lowest id so the same data always routes the same way.
 */
export function matchDepartment(
  specialtyCode: string,
  departments: readonly DepartmentEntry[],
  institutionId: string,
): string {
  if (specialtyCode === '') return '';
  const own = departments
    .filter((d) => d.institutionId === institutionId)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const exact = own.find((d) => d.specialtyCode === specialtyCode);
  if (exact) return exact.id;
  const parent = own.find((d) => specialtyCode.startsWith(`${d.specialtyCode}.`));
  return parent?.id ?? '';
}

/**
 * Where an upward referral goes (docs/domain.md): the institution the
 * referrer names if it is in the group; otherwise the group's lead hospital,
 * or the first collaborating unit that has the specialty the lead hospital
 * lacks; the department is matched by specialty.
 */
export function routeUpward(
  request: RouteRequest,
  group: GroupDirectory,
  departments: readonly DepartmentEntry[],
): Route {
  let institutionId = request.institutionId;
  if (institutionId === '' && request.departmentId !== '') {
    institutionId = departments.find((d) => d.id === request.departmentId)?.institutionId ?? '';
    if (institutionId === '') {
      throw new ReferralError(
        ReferralErrorCode.OutsideGroup,
        `department ${request.departmentId} is not a department of the group's institutions`,
        'receivingDepartmentId',
      );
    }
  }
  if (institutionId !== '') {
    if (!group.members.has(institutionId)) {
      throw new ReferralError(
        ReferralErrorCode.OutsideGroup,
        `institution ${institutionId} is not a member or collaborating unit of the group`,
        'receivingInstitutionId',
      );
    }
    return { institutionId, departmentId: chosenDepartment(request, departments, institutionId) };
  }
  const lead = group.leadInstitutionId;
  if (lead === null) {
    throw new ReferralError(
      ReferralErrorCode.GroupNotKnown,
      `the group ${group.groupId} has no lead hospital on record yet; name the receiving institution`,
      'receivingInstitutionId',
    );
  }
  const atLead = matchDepartment(request.specialtyCode, departments, lead);
  if (atLead !== '' || request.specialtyCode === '') return { institutionId: lead, departmentId: atLead };
  const collaborating = [...group.members]
    .filter(([, role]) => role === 'collaborating')
    .map(([id]) => id)
    .sort();
  for (const candidate of collaborating) {
    const departmentId = matchDepartment(request.specialtyCode, departments, candidate);
    if (departmentId !== '') return { institutionId: candidate, departmentId };
  }
  return { institutionId: lead, departmentId: '' };
}

function chosenDepartment(
  request: RouteRequest,
  departments: readonly DepartmentEntry[],
  institutionId: string,
): string {
  if (request.departmentId === '') return matchDepartment(request.specialtyCode, departments, institutionId);
  const department = departments.find((d) => d.id === request.departmentId);
  if (department?.institutionId !== institutionId) {
    throw new ReferralError(
      ReferralErrorCode.OutsideGroup,
      `department ${request.departmentId} is not a department of the receiving institution`,
      'receivingDepartmentId',
    );
  }
  return department.id;
}
