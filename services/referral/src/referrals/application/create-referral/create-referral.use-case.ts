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
 * and department, and the referral row, its history, its events and the record
 * of the client request land in ONE statement (no transaction around it: one
 * round trip where a transaction took a dozen, the hottest write of the
 * service). The patient must be a resident the registry has registered. A retry
 * with the same client request id returns the referral the first attempt
 * created, even when the registry has changed since.
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
    const request = command.asClientRequest('upward');
    const load = async (id: string) => (await this.referrals.findById(id, false))?.snapshot() ?? null;
    const catalogue = command.draft ? null : await this.catalogue.current();
    // Read before the write and side by side (each on a connection of its own): what the rules need to know.
    const known = await Promise.all([
      this.facts.requireRegisteredPatient(command.patientResidentId),
      catalogue ? this.facts.forSubmission(groupId, command.patientResidentId, now) : null,
    ]).catch(async (error: unknown) => {
      // A retry gets the referral its first attempt made, whatever the registry says now.
      const earlier = await this.requests.earlierResult(request);
      const made = earlier === null ? null : await load(earlier);
      if (made) return made;
      throw error;
    });
    if (!Array.isArray(known)) return known;
    const [, facts] = known;
    const id = uuidv7();
    let made: { snapshot: ReferralSnapshot; written: () => void } | null = null;
    const answer = await this.requests.createInOneStatement(request, {
      id,
      load,
      create: (inserts) => {
        const input = {
          id,
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
        if (catalogue && facts) {
          referral.submit(assessSubmission(input, catalogue, facts), this.rules.rules, actor, now);
        }
        const { written } = this.writer.stageNew(inserts, referral);
        made = { snapshot: referral.snapshot(), written };
        return Promise.resolve(made.snapshot);
      },
    });
    // Counted once, by the attempt that wrote it: a retry answered with what the first made counts nothing.
    const fresh = made as { snapshot: ReferralSnapshot; written: () => void } | null;
    if (fresh && answer === fresh.snapshot) fresh.written();
    return answer;
  }
}
