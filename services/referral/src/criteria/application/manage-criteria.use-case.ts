import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { CriteriaCatalogue } from '../domain/criteria-catalogue';
import { CriteriaError, CriteriaErrorCode } from '../domain/criteria-error';
import { criteriaKey, CriteriaRepository, type StoredCriteria } from '../domain/criteria.repository';
import { DiseaseCriteria, type DiseaseCriteriaInput } from '../domain/disease-criteria';
import { CriteriaCatalogueProvider } from './criteria-catalogue.provider';

/** A catalogue entry as callers see it: validated, with its key and last change. */
export interface CriteriaView {
  readonly key: string;
  readonly entry: DiseaseCriteria;
  readonly updatedAt: Date;
}

function requireCityOperator(identity: Identity): void {
  if (identity.role !== 'city-operator') {
    throw new CriteriaError(CriteriaErrorCode.NotAllowed, 'only city operators edit the criteria catalogue');
  }
}

/**
 * Reads and edits of the criteria catalogue. Every reader may look; only city
 * operators edit, and an edit that would leave two entries claiming one code
 * is refused before anything is stored.
 */
@Injectable()
export class ManageCriteriaUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: CriteriaRepository,
    private readonly provider: CriteriaCatalogueProvider,
  ) {}

  async list(): Promise<CriteriaView[]> {
    const { stored } = await this.provider.load();
    return stored.map(view);
  }

  async lookup(icd10Code: string): Promise<CriteriaView> {
    const { stored, catalogue } = await this.provider.load();
    const entry = catalogue.lookup(icd10Code);
    const found = entry && stored.find((s) => criteriaKey(s.input) === entry.covers[0]);
    if (!found) {
      throw new CriteriaError(
        CriteriaErrorCode.EntryNotFound,
        `no catalogue entry covers ${icd10Code.trim()}`,
        [{ field: 'icd10Code', description: 'is not covered by the catalogue' }],
      );
    }
    return view(found);
  }

  async put(identity: Identity, input: DiseaseCriteriaInput, now = new Date()): Promise<CriteriaView> {
    requireCityOperator(identity);
    const entry = DiseaseCriteria.create(input);
    const key = entry.covers[0]!;
    // The starter catalogue goes in first: an edit of a never-seeded catalogue must not skip it.
    await this.provider.load();
    const stored = await this.uow.run(async () => {
      await this.repository.lockCatalogue();
      const others = (await this.repository.all()).filter((s) => s.key !== key);
      CriteriaCatalogue.of([...others.map((s) => DiseaseCriteria.create(s.input)), entry]);
      const normalised = inputOf(entry);
      await this.repository.put(key, normalised, now);
      await this.repository.bumpVersion();
      return { key, input: normalised, updatedAt: now };
    });
    return view(stored);
  }

  async remove(identity: Identity, key: string): Promise<void> {
    requireCityOperator(identity);
    new FieldChecks().required('key', key).throwIfAny();
    await this.provider.load();
    await this.uow.run(async () => {
      await this.repository.lockCatalogue();
      if (!(await this.repository.remove(key.trim()))) {
        throw new CriteriaError(CriteriaErrorCode.EntryNotFound, `no catalogue entry has the key ${key}`, [
          { field: 'key', description: 'names no entry' },
        ]);
      }
      await this.repository.bumpVersion();
    });
  }
}

function view(stored: StoredCriteria): CriteriaView {
  return { key: stored.key, entry: DiseaseCriteria.create(stored.input), updatedAt: stored.updatedAt };
}

/** The validated (trimmed) entry as plain input, the form the catalogue stores. */
function inputOf(entry: DiseaseCriteria): DiseaseCriteriaInput {
  return {
    covers: entry.covers,
    nameZh: entry.nameZh,
    nameEn: entry.nameEn,
    specialtyCode: entry.specialtyCode,
    primaryManageable: entry.primaryManageable,
    greenChannel: entry.greenChannel,
    upwardIndications: entry.upwardIndications,
    downwardCriteria: entry.downwardCriteria,
    sources: entry.sources,
  };
}
