import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { DrugCatalogueRepository } from '../../../catalogue/domain/drug-catalogue.repository';
import { formularyChangesAnnounced } from '../../domain/formulary-announcements';
import { FormularyEventPublisher } from '../../domain/formulary-event-publisher';
import { FormularyRepository } from '../../domain/formulary.repository';
import { FormularyStep } from '../formulary-step';
import { formularyView, type FormularyView } from '../formulary-view';
import { type StockDrugCommand } from './stock-drug.command';

/**
 * StockDrug: an institution puts a drug of its group's catalogue, as in force now, on its formulary; one its level
 * may not stock (DRUG_NOT_ALLOWED_AT_LEVEL), one not in the catalogue (UNKNOWN_DRUG) or one stocked already
 * (ALREADY_EXISTS) is refused, naming drugCode. Announced as FormularyChanged with the packs already on hand.
 */
@Injectable()
export class StockDrugUseCase {
  constructor(
    private readonly step: FormularyStep,
    private readonly formularies: FormularyRepository,
    private readonly catalogues: DrugCatalogueRepository,
    private readonly events: FormularyEventPublisher,
  ) {}

  async execute(identity: Identity, command: StockDrugCommand, now = new Date()): Promise<FormularyView> {
    const caller = await this.step.caller(identity, 'change a formulary');
    const answer = async (formulary: Parameters<typeof formularyView>[0]) =>
      formularyView(formulary, await this.formularies.balances(caller.institutionId));
    return this.step.run(caller, clientRequestOf('stock-drug', command), {
      answer,
      change: async (formulary) => {
        const catalogue = await this.catalogues.part(caller.groupId, { codes: [command.drugCode] });
        formulary.stock(catalogue.drugAtOrThrow(command.drugCode, now, 'drugCode'), now);
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
