import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ClientRequests } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { StoredCatalogue } from '../../../criteria/application/stored-catalogue';
import { Referral, type ReferralSnapshot } from '../../domain/referral';
import { ReferralError, ReferralErrorCode } from '../../domain/referral-error';
import { ReferralRepository } from '../../domain/referral.repository';
import { actorOf, requireSender, canViewReferral } from '../referral-access.policy';
import { ReferralWriter } from '../referral-writer';
import { RegistryFacts } from '../registry-facts';
import { type IssueDownwardCommand } from './issue-downward.command';

/**
 * A hospital sends a stable patient back to primary care (下转) with a written
 * treatment plan. The catalogue checks the stability criteria; the receiving
 * institution is the resident's own family-doctor institution unless named,
 * and must belong to the group.
 */
@Injectable()
export class IssueDownwardUseCase {
  constructor(
    private readonly requests: ClientRequests,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
    private readonly catalogue: StoredCatalogue,
    private readonly facts: RegistryFacts,
  ) {}

  async execute(
    identity: Identity,
    command: IssueDownwardCommand,
    now = new Date(),
  ): Promise<ReferralSnapshot> {
    const groupId = requireSender(identity, command.referringInstitutionId, 'a downward referral');
    const catalogue = await this.catalogue.current();
    return this.requests.createOnce(command.asClientRequest('downward'), {
      load: async (id) => (await this.referrals.findById(id, false))?.snapshot() ?? null,
      create: async () => {
        // Checked after the retry lookup: a retry gets its referral even if the catalogue changed meanwhile.
        if (!(await this.facts.isHospital(command.referringInstitutionId))) {
          throw new ReferralError(
            ReferralErrorCode.NotAllowed,
            'only a hospital (tertiary or secondary) issues downward referrals',
            'referringInstitutionId',
          );
        }
        await this.facts.requireRegisteredPatient(command.patientResidentId);
        const evaluation = catalogue.evaluateDownward(
          command.icd10Code,
          command.metCriteriaCodes,
          command.justification,
        );
        await this.requireUpwardReferral(identity, command);
        const referral = Referral.issue(
          {
            id: uuidv7(),
            groupId,
            clientRequestId: command.clientRequestId,
            patientResidentId: command.patientResidentId,
            referringInstitutionId: command.referringInstitutionId,
            receivingInstitutionId: await this.receivingInstitution(groupId, command, now),
            icd10Code: command.icd10Code,
            reason: command.reason,
            metCriteriaCodes: evaluation.metCriteria.map((criterion) => criterion.code),
            withoutIndication: evaluation.withoutCriteria,
            justification: command.justification,
            treatmentPlan: command.treatmentPlan,
            results: command.results,
            upwardReferralId: command.upwardReferralId,
          },
          actorOf(identity),
          now,
        );
        await this.writer.save(referral, true);
        return { id: referral.snapshot().id, result: referral.snapshot() };
      },
    });
  }

  private async receivingInstitution(
    groupId: string,
    command: IssueDownwardCommand,
    now: Date,
  ): Promise<string> {
    const group = await this.facts.group(groupId);
    if (command.receivingInstitutionId !== '') {
      if (!group.members.has(command.receivingInstitutionId)) {
        throw new ReferralError(
          ReferralErrorCode.OutsideGroup,
          `institution ${command.receivingInstitutionId} is not a member of the group`,
          'receivingInstitutionId',
        );
      }
      return command.receivingInstitutionId;
    }
    const contracted = (await this.facts.contractedInstitutions(command.patientResidentId, now)).filter(
      (id) => group.members.has(id),
    );
    if (contracted.length === 0) {
      throw new ReferralError(
        ReferralErrorCode.NoPrimaryInstitution,
        'the resident has no family-doctor contract in force in this group: name the primary institution',
        'receivingInstitutionId',
      );
    }
    return contracted.sort()[0]!;
  }

  /** The upward referral this one answers must be the same patient's, and the caller's to see. */
  private async requireUpwardReferral(identity: Identity, command: IssueDownwardCommand): Promise<void> {
    if (command.upwardReferralId === '') return;
    const upward = (await this.referrals.findById(command.upwardReferralId, false))?.snapshot();
    if (
      !upward ||
      !canViewReferral(identity, upward) ||
      upward.direction !== 'upward' ||
      upward.patientResidentId !== command.patientResidentId
    ) {
      throw new ReferralError(
        ReferralErrorCode.NotFound,
        `no upward referral ${command.upwardReferralId} of this patient is visible to you`,
        'upwardReferralId',
      );
    }
  }
}
