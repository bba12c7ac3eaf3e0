import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { pageOf } from '@medgrid/kernel';
import { nameKey } from '../../../common/name-pages';
import { type ResidentSnapshot } from '../../domain/resident';
import { ResidentError, ResidentErrorCode } from '../../domain/resident-error';
import { ResidentRepository } from '../../domain/resident.repository';
import { canAccessResident } from '../resident-access.policy';
import { ResidentGrids } from '../resident-grids';
import { type SearchResidentsQuery } from './search-residents.query';

/** SearchResidents: residents of a grid the caller's group serves; each one returned is audited. */
@Injectable()
export class SearchResidentsUseCase {
  constructor(
    private readonly residents: ResidentRepository,
    private readonly grids: ResidentGrids,
    private readonly audit: AuditTrail,
  ) {}

  async execute(
    identity: Identity,
    query: SearchResidentsQuery,
  ): Promise<{ residents: ResidentSnapshot[]; nextPageToken: string }> {
    if (!canAccessResident(identity, [await this.grids.servingGroup(query.gridId)])) {
      throw new ResidentError(ResidentErrorCode.NotAllowed, 'your group does not serve this grid', 'gridId');
    }
    const rows = await this.residents.search({
      gridId: query.gridId,
      nameContains: query.nameContains || undefined,
      after: query.page.after ?? undefined,
      limit: query.page.limit,
    });
    const { items, nextPageToken } = pageOf(
      rows.map((r) => r.snapshot()),
      query.page,
      nameKey,
    );
    await this.audit.recordReads(
      identity,
      items.map((r) => ({ kind: 'resident', id: r.id })),
      query.purpose,
    );
    return { residents: items, nextPageToken };
  }
}
