import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { CriteriaCatalogue } from '../domain/criteria-catalogue';
import { criteriaKey, CriteriaRepository, type StoredCriteria } from '../domain/criteria.repository';
import { DiseaseCriteria } from '../domain/disease-criteria';
import { STARTER_CRITERIA } from '../domain/starter-catalogue';

interface Cached {
  readonly version: number;
  readonly catalogue: CriteriaCatalogue;
  readonly stored: readonly StoredCriteria[];
}

/**
 * The catalogue as stored, cached per version: one cheap read tells whether
 * another replica edited it. The first use of an empty database loads the
 * starter catalogue, so a new city starts from the national and provincial
 * guides and edits from there.
 */
@Injectable()
export class StoredCatalogue {
  private cached: Cached | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: CriteriaRepository,
  ) {}

  async current(): Promise<CriteriaCatalogue> {
    return (await this.load()).catalogue;
  }

  /** The stored entries with the catalogue they make. */
  async load(): Promise<Cached> {
    let version = await this.repository.version();
    if (version === 0) version = await this.seedStarter();
    if (this.cached?.version === version) return this.cached;
    const stored = await this.repository.all();
    this.cached = {
      version,
      stored,
      catalogue: CriteriaCatalogue.of(stored.map((entry) => DiseaseCriteria.create(entry.input))),
    };
    return this.cached;
  }

  private async seedStarter(now = new Date()): Promise<number> {
    return this.uow.run(async () => {
      const version = await this.repository.lockCatalogue();
      if (version > 0) return version;
      for (const input of STARTER_CRITERIA) await this.repository.put(criteriaKey(input), input, now);
      await this.repository.bumpVersion();
      return version + 1;
    });
  }
}
