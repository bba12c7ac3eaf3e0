import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { StoredCatalogue } from '../../../criteria/application/stored-catalogue';
import { type ReferralSnapshot } from '../../domain/referral';
import { assessSubmission } from '../../domain/submission-assessment';
import { ReferralRulesProvider } from '../referral-rules';
import { ReferralStep, type ReferralStepKind } from '../referral-step';
import { RegistryFacts } from '../registry-facts';
import { type SubmitReferralCommand } from './submit-referral.command';

const SUBMIT: ReferralStepKind = { action: 'submit', side: 'referring', verb: 'submit' };

/**
 * SubmitReferral: the referrer sends a draft. The catalogue checks its diagnosis and
 * indications, and routing picks the hospital and department, as for a referral created sent.
 */
@Injectable()
export class SubmitReferralUseCase {
  constructor(
    private readonly step: ReferralStep,
    private readonly catalogue: StoredCatalogue,
    private readonly facts: RegistryFacts,
    private readonly rules: ReferralRulesProvider,
  ) {}

  execute(identity: Identity, command: SubmitReferralCommand, now = new Date()): Promise<ReferralSnapshot> {
    return this.step.run(identity, SUBMIT, { ...command, text: command.note }, async (referral, actor) => {
      const draft = referral.snapshot();
      const facts = await this.facts.forSubmission(draft.groupId, draft.patientResidentId, now);
      referral.submit(
        assessSubmission(draft, await this.catalogue.current(), facts),
        this.rules.rules,
        actor,
        now,
        { note: command.note, clientRequestId: command.clientRequestId },
      );
    });
  }
}
