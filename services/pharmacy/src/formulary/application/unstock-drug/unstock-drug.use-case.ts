import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type Formulary } from '../../domain/formulary';
import { formularyChangesAnnounced } from '../../domain/formulary-announcements';
import { FormularyEventPublisher } from '../../domain/formulary-event-publisher';
import { FormularyRepository } from '../../domain/formulary.repository';
import { FormularyStep } from '../formulary-step';
import { formularyView, type FormularyView } from '../formulary-view';
import { type UnstockDrugCommand } from './unstock-drug.command';

/**
 * UnstockDrug: an institution takes a drug off its formulary; one it does not stock is refused (DRUG_NOT_STOCKED).
 * Announced as FormularyChanged with the packs still on hand.
 */
@Injectable()
export class UnstockDrugUseCase {
  constructor(
    private readonly step: FormularyStep,
    private readonly formularies: FormularyRepository,
    private readonly events: FormularyEventPublisher,
  ) {}

  async execute(identity: Identity, command: UnstockDrugCommand, now = new Date()): Promise<FormularyView> {
    const caller = await this.step.caller(identity, 'change a formulary');
    const answer = async (formulary: Formulary) =>
      formularyView(formulary, await this.formularies.balances(caller.institutionId));
    return this.step.run(caller, clientRequestOf('unstock-drug', command), {
      answer,
      change: async (formulary) => {
        formulary.unstock(command.drugCode, now);
        const changes = formulary.pullEvents();
        await this.formularies.save(changes);
        const balance = await this.formularies.balance(caller.institutionId, command.drugCode);
        await this.events.itemsChanged(
          formularyChangesAnnounced(caller.groupId, changes, () => balance.onHand),
          identity.subject,
        );
        return answer(formulary);
      },
    });
  }
}
