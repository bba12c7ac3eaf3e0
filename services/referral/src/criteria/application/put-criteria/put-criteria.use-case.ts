import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { nestedUnder } from '@medgrid/errors';
import { CriteriaCatalogue } from '../../domain/criteria-catalogue';
import { CriteriaRepository, type StoredCriteria } from '../../domain/criteria.repository';
import { DiseaseCriteria } from '../../domain/disease-criteria';
import { requireCatalogueEditor } from '../criteria-access.policy';
import { type CriteriaView, criteriaView } from '../criteria-view';
import { StoredCatalogue } from '../stored-catalogue';
import { type PutCriteriaCommand } from './put-criteria.command';

/**
 * PutCriteria: a city operator adds an entry or replaces the one with its key. An entry that
 * would leave two entries claiming one code is refused before anything is stored.
 */
@Injectable()
export class PutCriteriaUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: CriteriaRepository,
    private readonly catalogue: StoredCatalogue,
  ) {}

  async execute(identity: Identity, command: PutCriteriaCommand, now = new Date()): Promise<CriteriaView> {
    requireCatalogueEditor(identity);
    const { entry } = command;
    const key = entry.covers[0]!;
    // The starter catalogue goes in first: an edit of a never-seeded catalogue must not skip it.
    await this.catalogue.load();
    const stored = await this.uow.run(async (): Promise<StoredCriteria> => {
      await this.repository.lockCatalogue();
      const others = (await this.repository.all()).filter((s) => s.key !== key);
      // The catalogue names the entry's fields from the entry; the caller sent them inside `entry`.
      await nestedUnder('entry', () =>
        Promise.resolve().then(() =>
          CriteriaCatalogue.of([...others.map((s) => DiseaseCriteria.create(s.input)), entry]),
        ),
      );
      await this.repository.put(key, entry.toInput(), now);
      await this.repository.bumpVersion();
      return { key, input: entry.toInput(), updatedAt: now };
    });
    return criteriaView(stored);
  }
}
