import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { InstitutionPlacements } from '../../common/institution-placements';
import { PaymentAccess } from '../../common/payment-access.policy';
import { type ReimbursementTable } from '../domain/reimbursement-table';
import { ReimbursementTableRepository } from '../domain/reimbursement-table.repository';

/**
 * What every load of a reimbursement table does the same way: the city's insurance administration's request, for a
 * city the registry knows, on the region's table locked, the new version made from the version the caller read and
 * stored whole in one transaction; a retry is answered with the version it made.
 */
@Injectable()
export class TableEdit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tables: ReimbursementTableRepository,
    private readonly placements: InstitutionPlacements,
    private readonly requests: ClientRequests,
  ) {}

  async run(
    identity: Identity,
    request: ClientRequest,
    regionId: string,
    change: (table: ReimbursementTable) => void,
  ): Promise<ReimbursementTable> {
    PaymentAccess.require(
      PaymentAccess.administersInsurance(identity),
      "load a region's reimbursement table",
    );
    await this.placements.requireRegion(regionId);
    return this.uow.run(async () => {
      const table = await this.tables.load(regionId, true);
      return this.requests.createOnce(request, {
        load: (earlier) => this.tables.version(regionId, Number(earlier.slice(regionId.length + 1))),
        create: async () => {
          const readVersion = table.version;
          change(table);
          await this.tables.save(table, readVersion, identity);
          return { id: `${regionId}:${table.version}`, result: table };
        },
      });
    });
  }
}
