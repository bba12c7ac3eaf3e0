import { Injectable } from '@nestjs/common';
import { localDate } from '@medgrid/kernel';
import { isHospital, RegistryView } from '@medgrid/registry-view';
import { ReferralError, ReferralErrorCode } from '../domain/referral-error';
import { type GroupDirectory, type MembershipRole } from '../domain/routing';
import { type SubmissionFacts } from '../domain/submission-assessment';

/** What the registry projection says about a group and a patient, in the shapes the rules read. */
@Injectable()
export class RegistryFacts {
  constructor(private readonly view: RegistryView) {}

  async group(groupId: string): Promise<GroupDirectory> {
    const group = await this.view.group(groupId);
    if (!group) {
      throw new ReferralError(
        ReferralErrorCode.GroupNotKnown,
        `the group ${groupId} is not known to the referral service yet; try again shortly`,
      );
    }
    return {
      groupId,
      leadInstitutionId: group.leadInstitutionId,
      members: new Map<string, MembershipRole>(group.members.map((m) => [m.institutionId, m.role])),
    };
  }

  async forSubmission(groupId: string, patientResidentId: string, now: Date): Promise<SubmissionFacts> {
    const group = await this.group(groupId);
    return {
      group,
      departments: await this.view.departmentsOf([...group.members.keys()]),
      contractedInstitutionIds: await this.view.contractedInstitutions(patientResidentId, localDate(now)),
    };
  }

  /** Whether the institution is a hospital (tertiary or secondary) as far as the registry says. */
  async isHospital(institutionId: string): Promise<boolean> {
    const institution = await this.view.institution(institutionId);
    return institution !== null && isHospital(institution);
  }

  /**
   * A referral is for a resident the registry has registered (every group serves registered
   * residents; the number alone may be a typo that still passes the check character). Known
   * means known to this service's projection of the registry's resident topic.
   */
  async requireRegisteredPatient(patientResidentId: string): Promise<void> {
    if (await this.view.isRegisteredResident(patientResidentId)) return;
    throw new ReferralError(
      ReferralErrorCode.PatientNotRegistered,
      'no resident with this ID number is registered: register the resident in the registry first (a resident registered moments ago reaches the referral service within seconds)',
      'patientResidentId',
    );
  }

  async contractedInstitutions(patientResidentId: string, now: Date): Promise<string[]> {
    return this.view.contractedInstitutions(patientResidentId, localDate(now));
  }
}
