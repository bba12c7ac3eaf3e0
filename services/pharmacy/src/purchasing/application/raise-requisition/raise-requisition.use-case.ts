import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueRepository } from '../../../catalogue/domain/drug-catalogue.repository';
import { isInstitutionLevel } from '../../../common/institution-level';
import { FormularyRepository } from '../../../formulary/domain/formulary.repository';
import { PurchasingError, PurchasingErrorCode } from '../../domain/purchasing-error';
import { RequisitionRepository } from '../../domain/purchasing.repository';
import { Requisition } from '../../domain/requisition';
import { PurchasingAccess } from '../purchasing-access.policy';
import { type RaiseRequisitionCommand } from './raise-requisition.command';

/**
 * RaiseRequisition: the caller's institution asks the purchasing centre for packs of drugs it stocks, in force in its
 * group's catalogue; a drug it does not stock, a drug not in the catalogue, a line twice or a quantity not a whole
 * positive number is refused naming the line (lines[2].drugCode), and nothing is raised.
 */
@Injectable()
export class RaiseRequisitionUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly requests: ClientRequests,
    private readonly registry: RegistryView,
    private readonly formularies: FormularyRepository,
    private readonly catalogues: DrugCatalogueRepository,
    private readonly requisitions: RequisitionRepository,
  ) {}

  async execute(
    identity: Identity,
    command: RaiseRequisitionCommand,
    now = new Date(),
  ): Promise<Requisition> {
    const caller = PurchasingAccess.requisitioner(identity);
    const institution = await this.registry.institution(caller.institutionId);
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new PurchasingError(
        PurchasingErrorCode.InstitutionNotKnown,
        `the registry has not announced institution ${caller.institutionId} yet`,
      );
    }
    const groupId = institution.groupId ?? caller.groupId;
    const level = institution.level;
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('raise-requisition', command), {
        load: async (id) => {
          const earlier = await this.requisitions.get(id);
          return earlier?.requisition ?? null;
        },
        create: async () => {
          const formulary = await this.formularies.load(caller.institutionId, level, false);
          const catalogue = await this.catalogues.part(groupId, {
            codes: command.lines.map((line) => line.drugCode),
          });
          const requisition = Requisition.raise(
            { id: uuidv7(), lines: command.lines },
            formulary,
            catalogue,
            now,
          );
          await this.requisitions.add(groupId, requisition);
          return { id: requisition.id, result: requisition };
        },
      }),
    );
  }
}
