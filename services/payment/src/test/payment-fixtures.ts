import { type Identity } from '@medgrid/auth';
import { type UnitOfWork } from '@medgrid/database';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type InstitutionLevel } from '../common/domain/insurance';
import { appliedRoll } from '../enrolment/domain/enrolment-roll';
import { ResidentCoverageTypeormRepository } from '../enrolment/infrastructure/persistence/resident-coverage.typeorm-repository';
import { now } from '../enrolment/test/enrolment.factory';
import { ReimbursementTable } from '../rules/domain/reimbursement-table';
import { starterReimbursementRules } from '../rules/domain/starter/starter-reimbursement-rules';
import { ReimbursementTableTypeormRepository } from '../rules/infrastructure/persistence/reimbursement-table.typeorm-repository';

const insurer = { subject: 'insurer', role: 'city-operator' };

/**
 * The rows payment's integration tests stand on, written through the real repositories: institutions, groups and
 * cities as the registry's events would have projected them, a city's starter table, residents' coverage.
 */
export class PaymentFixtures {
  private readonly registry: RegistryViewTypeormRepository;

  constructor(private readonly uow: UnitOfWork) {
    this.registry = new RegistryViewTypeormRepository(uow);
  }

  /** A new city known to the view and a grid of it; the city's starter table loaded from 2026-01-01 unless not asked. */
  async aCity({ starter = true }: { starter?: boolean } = {}): Promise<{ cityId: string; gridId: string }> {
    const [cityId, gridId] = [uuidv7(), uuidv7()];
    await this.registry.upsertCity({ id: cityId, divisionCode: '440100', name: '广州市' });
    await this.registry.upsertGrid({ id: gridId, cityId });
    if (!starter) return { cityId, gridId };
    const tables = new ReimbursementTableTypeormRepository(this.uow);
    await this.uow.run(async () => {
      const table = ReimbursementTable.empty(cityId);
      table.load(starterReimbursementRules('2026-01-01'), 0, now);
      await tables.save(table, 0, insurer);
    });
    return { cityId, gridId };
  }

  /** The staff of a new institution of `level` leading a new group in a new city (its starter table loaded). */
  async anInstitution(level: InstitutionLevel = 'primary'): Promise<Identity & { regionId: string }> {
    const identity = anIdentity({ role: level === 'primary' ? 'primary-staff' : 'hospital-staff' });
    const { cityId, gridId } = await this.aCity();
    await this.registry.upsertGroup({
      id: identity.groupId!,
      gridId,
      leadInstitutionId: identity.institutionId,
      members: [{ institutionId: identity.institutionId!, role: 'lead' }],
      version: 1,
    });
    await this.registry.upsertInstitution({
      id: identity.institutionId!,
      groupId: identity.groupId,
      level,
      type: level === 'primary' ? 'community-health-centre' : 'general-hospital',
      version: 1,
    });
    return { ...identity, regionId: cityId };
  }

  /** The resident in the employees' scheme since 2025. */
  async cover(residentId: string): Promise<string> {
    const coverages = new ResidentCoverageTypeormRepository(this.uow);
    await this.uow.run(async () => {
      const current = await coverages.findMany([residentId]);
      const { changed, report } = appliedRoll(
        current,
        [{ residentId, scheme: 'urban-employee', from: '2025-01-01', until: null }],
        now,
      );
      await coverages.saveRoll({ id: uuidv7(), residentCount: 1, report, loadedBy: insurer, loadedAt: now }, [
        ...changed.values(),
      ]);
    });
    return residentId;
  }
}
