import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { StoredCatalogue } from '../../../criteria/application/stored-catalogue';
import { type NotedStepRequest, type Referral, type ReferralSnapshot } from '../../domain/referral';
import { type ReferralActor } from '../../domain/referral-actor';
import { ReferralError, ReferralErrorCode } from '../../domain/referral-error';
import { ReferralRepository } from '../../domain/referral.repository';
import { assessSubmission } from '../../domain/submission-assessment';
import { actorOf, type ReferralSide, requireSide } from '../referral-access.policy';
import { ReferralRulesProvider } from '../referral-rules';
import { ReferralWriter } from '../referral-writer';
import { RegistryFacts } from '../registry-facts';
import { referralStep } from '../same-request';
import { type ReferralStep, type ReferralStepCommand } from './referral-step.command';

/** Which end of the referral takes each step (a step's name is the history action it writes). */
const STEPS: Record<ReferralStep, { side: ReferralSide; verb: string }> = {
  submit: { side: 'referring', verb: 'submit' },
  cancel: { side: 'referring', verb: 'cancel' },
  accept: { side: 'receiving', verb: 'accept' },
  decline: { side: 'receiving', verb: 'decline' },
  arrive: { side: 'receiving', verb: 'record the arrival of' },
  complete: { side: 'receiving', verb: 'record the completion of' },
  receive: { side: 'receiving', verb: 'acknowledge' },
  'record-follow-up': { side: 'receiving', verb: 'record a follow-up of' },
  close: { side: 'receiving', verb: 'close' },
};

/**
 * Every step on an existing referral: lock it, check who is acting, recognise
 * a retry by its client request id, let the aggregate apply the step, and
 * store it with its history and events in one transaction.
 */
@Injectable()
export class ReferralStepsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: ClientRequests,
    private readonly referrals: ReferralRepository,
    private readonly writer: ReferralWriter,
    private readonly catalogue: StoredCatalogue,
    private readonly facts: RegistryFacts,
    private readonly rules: ReferralRulesProvider,
  ) {}

  async execute(command: ReferralStepCommand, now = new Date()): Promise<ReferralSnapshot> {
    const step = STEPS[command.step];
    return this.uow.run(async () => {
      const referral = await this.referrals.findById(command.id, true);
      if (!referral) {
        throw new ReferralError(ReferralErrorCode.NotFound, `referral ${command.id} not found`, 'id');
      }
      requireSide(command.identity, referral.snapshot(), step.side, step.verb);
      if (await this.requests.isRetry(referralStep(command), referral.snapshot().id)) {
        return referral.snapshot();
      }
      const actor = actorOf(command.identity);
      const request = { note: command.note, clientRequestId: command.clientRequestId };
      if (command.step === 'submit') {
        const draft = referral.snapshot();
        const facts = await this.facts.forSubmission(draft.groupId, draft.patientResidentId, now);
        referral.submit(
          assessSubmission(draft, await this.catalogue.current(), facts),
          this.rules.rules,
          actor,
          now,
          request,
        );
      } else {
        this.apply(referral, command, actor, now, request);
      }
      await this.writer.save(referral, false);
      return referral.snapshot();
    });
  }

  private apply(
    referral: Referral,
    command: ReferralStepCommand,
    actor: ReferralActor,
    now: Date,
    request: NotedStepRequest,
  ): void {
    // A decline, cancel or follow-up carries its text as the reason or findings, not as a note.
    const { clientRequestId } = request;
    switch (command.step) {
      case 'accept':
        return referral.accept(actor, now, request);
      case 'decline':
        return referral.decline(actor, command.note, now, { clientRequestId });
      case 'cancel':
        return referral.cancel(actor, command.note, now, { clientRequestId });
      case 'arrive':
        return referral.arrive(actor, now, request);
      case 'complete':
        return referral.complete(actor, now, request);
      case 'receive':
        return referral.receive(actor, now, request);
      case 'record-follow-up':
        return referral.recordFollowUp(actor, command.note, now, { clientRequestId });
      case 'close':
        return referral.close(actor, now, request);
      case 'submit':
        throw new Error('submit is applied with the catalogue');
    }
  }
}
