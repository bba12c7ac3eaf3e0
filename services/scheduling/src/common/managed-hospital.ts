import { type Identity } from '@medgrid/auth';
import { isHospital, type KnownDepartment, type RegistryView } from '@medgrid/registry-view';
import { canManage, requireAllowed } from './scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from './scheduling-error';

/** A hospital whose capacity the caller may change. */
export interface ManagedHospital {
  readonly id: string;
  readonly groupId: string;
}

/** An institution of a group as the registry announced it (for reads: policy, report). */
export async function knownHospital(registry: RegistryView, institutionId: string): Promise<ManagedHospital> {
  const institution = await registry.institution(institutionId.toLowerCase());
  if (!institution?.groupId) {
    throw new SchedulingError(
      SchedulingErrorCode.UnknownInstitution,
      'no hospital with this id is known',
      'institutionId',
    );
  }
  return { id: institution.id, groupId: institution.groupId };
}

/**
 * The hospital as the registry announced it, for every capacity write: only
 * hospitals of a group keep capacity, and only those who manage it may change it.
 */
export async function managedHospital(
  registry: RegistryView,
  identity: Identity,
  institutionId: string,
  field = 'institutionId',
): Promise<ManagedHospital> {
  const institution = await registry.institution(institutionId.toLowerCase());
  if (!institution) {
    throw new SchedulingError(
      SchedulingErrorCode.UnknownInstitution,
      'no institution with this id is known',
      field,
    );
  }
  if (!isHospital(institution) || !institution.groupId) {
    throw new SchedulingError(
      SchedulingErrorCode.NotAHospital,
      'only a secondary or tertiary hospital of a group keeps schedules and wards',
      field,
    );
  }
  requireAllowed(canManage(identity, institution), 'manage this hospital’s capacity');
  return { id: institution.id, groupId: institution.groupId };
}

/** A department the registry announced at this hospital (templates and wards belong to one). */
export async function departmentAt(
  registry: RegistryView,
  hospital: ManagedHospital,
  departmentId: string,
  field: string,
): Promise<KnownDepartment> {
  const department = await registry.department(departmentId.toLowerCase());
  if (!department || department.institutionId !== hospital.id) {
    throw new SchedulingError(
      SchedulingErrorCode.UnknownDepartment,
      'no department with this id is known at this hospital',
      field,
    );
  }
  return department;
}
