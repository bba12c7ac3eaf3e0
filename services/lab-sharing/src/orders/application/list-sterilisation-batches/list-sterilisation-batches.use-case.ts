import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { pageOf } from '@medgrid/kernel';
import { RegistryView } from '@medgrid/registry-view';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { type SterilisationBatchSnapshot } from '../../domain/sterilisation-batch';
import { SterilisationBatchRepository } from '../../domain/sterilisation-batch.repository';
import { SterilisationAccess } from '../sterilisation-access.policy';
import { type ListSterilisationBatchesQuery } from './list-sterilisation-batches.query';

export interface SterilisationBatchPage {
  readonly batches: SterilisationBatchSnapshot[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/**
 * ListBatches: a centre's batches (its host, the group's administrator, city operators) or a sending site's
 * (the site, its group's administrator, city operators), newest first.
 */
@Injectable()
export class ListSterilisationBatchesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly batches: SterilisationBatchRepository,
    private readonly centres: SharedCentreRepository,
    private readonly registry: RegistryView,
  ) {}

  execute(identity: Identity, query: ListSterilisationBatchesQuery): Promise<SterilisationBatchPage> {
    return this.uow.run(async () => {
      const { owner, page } = query;
      if ('centreId' in owner) {
        const centre = await this.centres.findById(owner.centreId);
        if (!centre) throw new OrderError(OrderErrorCode.NotFound, 'no centre with this id', 'centreId');
        const { groupId, hostInstitutionId } = centre.snapshot();
        SterilisationAccess.require(
          SterilisationAccess.canSee(identity, { groupId, centreInstitutionId: hostInstitutionId }),
          "see this centre's batches",
        );
      } else {
        const site = await this.registry.institution(owner.sendingInstitutionId);
        SterilisationAccess.require(
          SterilisationAccess.canSee(identity, {
            groupId: site?.groupId ?? '',
            sendingInstitutionId: owner.sendingInstitutionId,
          }),
          "see this site's batches",
        );
      }
      const rows = await this.batches.list(owner, query.status ?? null, page.after, page.limit);
      const { items, nextPageToken } = pageOf(rows, page, (b) => [b.sentAt.toISOString(), b.id]);
      return { batches: items, nextPageToken };
    });
  }
}
