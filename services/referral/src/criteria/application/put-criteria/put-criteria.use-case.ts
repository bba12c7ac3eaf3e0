import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { nestedUnder } from '@medgrid/errors';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { CriteriaCatalogue } from '../../domain/criteria-catalogue';
import { CriteriaRepository } from '../../domain/criteria.repository';
import { DiseaseCriteria } from '../../domain/disease-criteria';
import { requireCatalogueEditor } from '../criteria-access.policy';
import { type CriteriaView, criteriaView } from '../criteria-view';
import { StoredCatalogue } from '../stored-catalogue';
import { type PutCriteriaCommand } from './put-criteria.command';

/**
 * PutCriteria: a city operator adds an entry or replaces the one with its key. An entry that
 * would leave two entries claiming one code is refused before anything is stored. A retry (same
 * request id, same entry) is answered with the entry under its key as stored now.
 */
@Injectable()
export class PutCriteriaUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: CriteriaRepository,
    private readonly catalogue: StoredCatalogue,
    private readonly requests: ClientRequests,
  ) {}

  async execute(identity: Identity, command: PutCriteriaCommand, now = new Date()): Promise<CriteriaView> {
    requireCatalogueEditor(identity);
    const input = command.entry.toInput();
    const key = command.entry.covers[0]!;
    // The starter catalogue goes in first: an edit of a never-seeded catalogue must not skip it.
    await this.catalogue.load();
    return this.uow.run(async () => {
      await this.repository.lockCatalogue();
      const request = clientRequestOf('put-criteria', { clientRequestId: command.clientRequestId, input });
      return this.requests.createOnce(request, {
        load: async (earlier) => {
          const stored = (await this.repository.all()).find((s) => s.key === earlier);
          return stored ? criteriaView(stored) : null;
        },
        create: async () => {
          const others = (await this.repository.all()).filter((s) => s.key !== key);
          // The catalogue names the entry's fields from the entry; the caller sent them inside `entry`.
          await nestedUnder('entry', () =>
            Promise.resolve().then(() =>
              CriteriaCatalogue.of([...others.map((s) => DiseaseCriteria.create(s.input)), command.entry]),
            ),
          );
          await this.repository.put(key, input, now);
          await this.repository.bumpVersion();
          return { id: key, result: criteriaView({ key, input, updatedAt: now }) };
        },
      });
    });
  }
}
