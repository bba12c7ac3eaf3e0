import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { pastChangeViolations } from '../../common/domain/unchanged-past';
import { InstitutionPlacements } from '../../common/institution-placements';
import { PaymentAccess } from '../../common/payment-access.policy';
import { type DiseaseGroupTable } from '../domain/disease-group-points';
import { DiseaseGroupTableRepository } from '../domain/disease-group-table.repository';
import { RuleError, RuleErrorCode } from '../domain/rule-error';

/**
 * What every load of a fund's disease-group table does the same way: the city's insurance administration's
 * request, for a city the registry knows, on the fund's table locked, the new version made from the version read,
 * never changing a group in force on or before today after the first version (RETROACTIVE_CHANGE), stored whole in
 * one transaction; a retry is answered with the table as it stands.
 */
@Injectable()
export class DiseaseGroupEdit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tables: DiseaseGroupTableRepository,
    private readonly placements: InstitutionPlacements,
    private readonly requests: ClientRequests,
  ) {}

  async run(
    identity: Identity,
    request: ClientRequest,
    regionId: string,
    change: (table: DiseaseGroupTable) => void,
    now: Date,
  ): Promise<DiseaseGroupTable> {
    PaymentAccess.require(PaymentAccess.administersInsurance(identity), "load a fund's disease-group table");
    await this.placements.requireRegion(regionId);
    return this.uow.run(async () => {
      const table = await this.tables.table(regionId, true);
      return this.requests.createOnce(request, {
        load: () => this.tables.table(regionId, false),
        create: async () => {
          const before = table.snapshot();
          change(table);
          if (before.version > 0) {
            const retroactive = pastChangeViolations(
              before.groups,
              table.snapshot().groups,
              now.toISOString().slice(0, 10),
              'groups',
            );
            if (retroactive.length) {
              throw new RuleError(
                RuleErrorCode.RetroactiveChange,
                retroactive.map((v) => `${v.field}: ${v.description}`).join('; '),
                undefined,
                retroactive,
              );
            }
          }
          await this.tables.save(table, identity.subject, now);
          return { id: `${regionId}:disease-groups:${table.version}`, result: table };
        },
      });
    });
  }
}
