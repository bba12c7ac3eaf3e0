import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { CriteriaError, CriteriaErrorCode } from '../../domain/criteria-error';
import { CriteriaRepository } from '../../domain/criteria.repository';
import { requireCatalogueEditor } from '../criteria-access.policy';
import { StoredCatalogue } from '../stored-catalogue';
import { type RemoveCriteriaCommand } from './remove-criteria.command';

/**
 * RemoveCriteria: a city operator removes an entry of the catalogue by its key. A retry (same
 * request id, same key) is answered as the removal was, though the entry is gone by then.
 */
@Injectable()
export class RemoveCriteriaUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: CriteriaRepository,
    private readonly catalogue: StoredCatalogue,
    private readonly requests: ClientRequests,
  ) {}

  async execute(identity: Identity, command: RemoveCriteriaCommand): Promise<void> {
    requireCatalogueEditor(identity);
    // The starter catalogue goes in first, so the entry removed does not come back with it.
    await this.catalogue.load();
    await this.uow.run(async () => {
      await this.repository.lockCatalogue();
      if (await this.requests.isRetry(clientRequestOf('remove-criteria', command), command.key)) return;
      if (!(await this.repository.remove(command.key))) {
        throw new CriteriaError(
          CriteriaErrorCode.EntryNotFound,
          `no catalogue entry has the key ${command.key}`,
          [{ field: 'key', description: 'names no entry' }],
        );
      }
      await this.repository.bumpVersion();
    });
  }
}
