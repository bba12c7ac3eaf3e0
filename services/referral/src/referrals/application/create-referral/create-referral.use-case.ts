import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ClientRequests } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { StoredCatalogue } from '../../../criteria/application/stored-catalogue';
import { Referral, type ReferralSnapshot } from '../../domain/referral';
import { ReferralRepository } from '../../domain/referral.repository';
import { assessSubmission } from '../../domain/submission-assessment';
import { actorOf, requireSender } from '../referral-access.policy';
import { ReferralRulesProvider } from '../referral-rules';
import { ReferralWriter } from '../referral-writer';
import { RegistryFacts } from '../registry-facts';
import { type CreateReferralCommand } from './create-referral.command';

/**
 * Creates an upward referral, and submits it unless it is a draft: the
 * catalogue checks the diagnosis and indications, routing picks the hospital
 * and department, and the referral row, its history and its events commit in
 * one transaction. The patient must be a resident the registry has
 * registered. A retry with the same client request id returns the referral
 * the first attempt created.
 */
@Injectable()
export class CreateReferralUseCase {
  constructor(
    private readonly requests: ClientRequests,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
    private readonly catalogue: StoredCatalogue,
    private readonly facts: RegistryFacts,
    private readonly rules: ReferralRulesProvider,
  ) {}

  async execute(
    identity: Identity,
    command: CreateReferralCommand,
    now = new Date(),
  ): Promise<ReferralSnapshot> {
    const groupId = requireSender(identity, command.referringInstitutionId, 'a referral');
    const catalogue = command.draft ? null : await this.catalogue.current();
    return this.requests.createOnce(command.asClientRequest('upward'), {
      load: async (id) => (await this.referrals.findById(id, false))?.snapshot() ?? null,
      create: async () => {
        // After the retry lookup: a retry gets the referral its first attempt made.
        await this.facts.requireRegisteredPatient(command.patientResidentId);
        const input = {
          id: uuidv7(),
          groupId,
          clientRequestId: command.clientRequestId,
          patientResidentId: command.patientResidentId,
          referringInstitutionId: command.referringInstitutionId,
          receivingInstitutionId: command.receivingInstitutionId,
          receivingDepartmentId: command.receivingDepartmentId,
          specialtyCode: command.specialtyCode,
          icd10Code: command.icd10Code,
          reason: command.reason,
          indicationCodes: command.indicationCodes,
          justification: command.justification,
          results: command.results,
        };
        const actor = actorOf(identity);
        const referral = Referral.draft(input, actor, now);
        if (catalogue) {
          const facts = await this.facts.forSubmission(groupId, command.patientResidentId, now);
          referral.submit(assessSubmission(input, catalogue, facts), this.rules.rules, actor, now);
        }
        await this.writer.save(referral, true);
        return { id: referral.snapshot().id, result: referral.snapshot() };
      },
    });
  }
}
