import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { pageOf } from '@medgrid/kernel';
import { CentreError, CentreErrorCode } from '../../domain/centre-error';
import { type SharedCentreSnapshot } from '../../domain/shared-centre';
import { SharedCentreRepository } from '../../domain/shared-centre.repository';
import { CentreAccess } from '../centre-access.policy';
import { type ListCentresQuery } from './list-centres.query';

export interface CentrePage {
  readonly centres: SharedCentreSnapshot[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/** ListCentres: a group's centres by name, for anyone of the group and city operators. */
@Injectable()
export class ListCentresUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly centres: SharedCentreRepository,
  ) {}

  async execute(identity: Identity, query: ListCentresQuery): Promise<CentrePage> {
    const groupId = query.groupId ?? identity.groupId;
    if (!groupId) {
      throw new CentreError(
        CentreErrorCode.UnknownGroup,
        'name the group: the caller acts for none',
        'groupId',
      );
    }
    CentreAccess.require(CentreAccess.canSee(identity, groupId), "see this group's centres");
    const rows = await this.uow.run(() =>
      this.centres.list(
        { groupId, kind: query.kind ?? null, includeClosed: query.includeClosed },
        query.page.after,
        query.page.limit,
      ),
    );
    const { items, nextPageToken } = pageOf(
      rows.map((centre) => centre.snapshot()),
      query.page,
      (centre) => [centre.name, centre.id],
    );
    return { centres: items, nextPageToken };
  }
}
