import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { clientRequestOf, ClientRequests } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { type CoverageLoad } from '../../domain/coverage-load';
import { appliedRoll } from '../../domain/enrolment-roll';
import { ResidentCoverageRepository } from '../../domain/resident-coverage.repository';
import { type LoadCoverageCommand } from './load-coverage.command';

/**
 * LoadCoverage: the city's insurance administration loads the insurer's roll, all or nothing. Rolls queue one
 * after another (a roll reads the coverage it brings up to date); a retry is answered with the first load's report.
 */
@Injectable()
export class LoadCoverageUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly coverages: ResidentCoverageRepository,
    private readonly requests: ClientRequests,
  ) {}

  async execute(identity: Identity, command: LoadCoverageCommand, now = new Date()): Promise<CoverageLoad> {
    PaymentAccess.require(PaymentAccess.administersInsurance(identity), "load the insurer's roll");
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('load-coverage', command), {
        load: (id) => this.coverages.findLoad(id),
        create: async () => {
          await this.coverages.lockRolls();
          const current = await this.coverages.findMany([
            ...new Set(command.rows.map((row) => row.residentId)),
          ]);
          const { changed, report } = appliedRoll(current, command.rows, now);
          const load: CoverageLoad = {
            id: uuidv7(),
            residentCount: changed.size,
            report,
            loadedBy: { subject: identity.subject, role: identity.role },
            loadedAt: now,
          };
          await this.coverages.saveRoll(load, [...changed.values()]);
          return { id: load.id, result: load };
        },
      }),
    );
  }
}
