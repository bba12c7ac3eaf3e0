import { type InstitutionClass } from '../domain/institution-classification';
import { MedicalGroup, type MedicalGroupSnapshot } from '../domain/medical-group';
import { type OrganisationRepository } from '../domain/organisation.ports';

/** Whether a group has its lead and a secondary general or continuing-care member (looks up the members' classes). */
export async function isGroupComplete(
  organisation: OrganisationRepository,
  group: MedicalGroupSnapshot,
): Promise<boolean> {
  const members = await organisation.findInstitutions(group.memberships.map((m) => m.institutionId));
  const classes = new Map<string, InstitutionClass>(members.map((m) => [m.snapshot().id, m.snapshot()]));
  return MedicalGroup.restore(group).isComplete((id) => classes.get(id));
}
