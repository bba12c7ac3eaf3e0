import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { type Identity } from '@medgrid/auth';
import { FieldChecks } from '@medgrid/errors';
import { localDate, pageOf, pageRequest, RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { NAME_PAGES, nameKey } from '../../../shared/name-pages';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { type FamilyDoctorTeamSnapshot } from '../../../workforce/domain/family-doctor-team';
import { WORKFORCE_REPOSITORY, type WorkforceRepository } from '../../../workforce/domain/workforce.ports';
import { type ContractSnapshot } from '../../domain/contract';
import { type Resident, type ResidentSnapshot } from '../../domain/resident';
import { RESIDENT_REPOSITORY, type ResidentRepository } from '../../domain/resident.ports';
import { canAccessResident } from '../resident-access.policy';

export interface ResidentCare {
  resident: ResidentSnapshot;
  contract: ContractSnapshot | null;
  team: FamilyDoctorTeamSnapshot | null;
  groupId: string | null;
}

/**
 * Reads of residents. Each one checks that the caller's group serves the
 * resident, and writes the audit record before the data leaves; a resident
 * the caller may not see is reported as not found.
 */
@Injectable()
export class ResidentQueries {
  constructor(
    @Inject(RESIDENT_REPOSITORY) private readonly residents: ResidentRepository,
    @Inject(WORKFORCE_REPOSITORY) private readonly workforce: WorkforceRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly audit: AuditTrail,
  ) {}

  async getResident(
    identity: Identity,
    by: { id: string; residentIdNumber: string },
    purpose: string,
  ): Promise<ResidentSnapshot> {
    const checks = new FieldChecks().check(
      'id',
      Boolean(by.id) !== Boolean(by.residentIdNumber),
      'ONE_OF',
      'give exactly one of id and residentIdNumber',
    );
    if (by.id) checks.uuid('id', by.id);
    const idNumber = by.residentIdNumber ? this.parseIdNumber(checks, by.residentIdNumber) : undefined;
    checks.throwIfAny();
    const resident = idNumber
      ? await this.residents.findResidentByIdNumber(idNumber)
      : await this.residents.findResident(by.id.toLowerCase());
    const care = await this.visibleCare(identity, resident);
    await this.audit.recordRead(identity, { kind: 'resident', id: care.resident.id }, purpose);
    return care.resident;
  }

  async getResidentCare(
    identity: Identity,
    residentIdNumber: string,
    purpose: string,
    now = new Date(),
  ): Promise<ResidentCare> {
    const checks = new FieldChecks();
    const idNumber = this.parseIdNumber(checks, residentIdNumber);
    checks.throwIfAny();
    const care = await this.visibleCare(
      identity,
      await this.residents.findResidentByIdNumber(idNumber!),
      now,
    );
    await this.audit.recordRead(identity, { kind: 'resident', id: care.resident.id }, purpose);
    return care;
  }

  /** Residents of a grid the caller's group serves; each one returned is audited. */
  async searchResidents(
    identity: Identity,
    query: { gridId: string; nameContains: string; pageSize: number; pageToken: string },
    purpose: string,
  ): Promise<{ residents: ResidentSnapshot[]; nextPageToken: string }> {
    const checks = new FieldChecks()
      .uuid('gridId', query.gridId)
      .maxLength('nameContains', query.nameContains, 50);
    const page = pageRequest(query, NAME_PAGES);
    checks.addAll(page.problems);
    checks.throwIfAny();
    const gridId = query.gridId.toLowerCase();
    if (!canAccessResident(identity, [await this.organisation.findGroupIdByGrid(gridId)])) {
      throw new RegistryError(RegistryErrorCode.NotAllowed, 'your group does not serve this grid', 'gridId');
    }
    const rows = await this.residents.searchResidents({
      gridId,
      nameContains: query.nameContains.trim() || undefined,
      after: page.after ?? undefined,
      limit: page.limit,
    });
    const { items, nextPageToken } = pageOf(
      rows.map((r) => r.snapshot()),
      page,
      nameKey,
    );
    await this.audit.recordReads(
      identity,
      items.map((r) => ({ kind: 'resident', id: r.id })),
      purpose,
    );
    return { residents: items, nextPageToken };
  }

  /** The resident of an ID number for an import row (no audit: nothing is returned to the caller). */
  async findForImport(residentIdNumber: string): Promise<ResidentSnapshot> {
    const checks = new FieldChecks();
    const idNumber = this.parseIdNumber(checks, residentIdNumber);
    checks.throwIfAny();
    const resident = await this.residents.findResidentByIdNumber(idNumber!);
    if (!resident)
      throw new RegistryError(
        RegistryErrorCode.NotFound,
        'no resident with this ID number',
        'residentIdNumber',
      );
    return resident.snapshot();
  }

  private parseIdNumber(checks: FieldChecks, raw: string): string | undefined {
    const parsed = ResidentId.parse(raw);
    if (typeof parsed === 'string') {
      checks.add('residentIdNumber', parsed, RESIDENT_ID_PROBLEM_TEXT[parsed]);
      return undefined;
    }
    return parsed.value;
  }

  private async visibleCare(
    identity: Identity,
    resident: Resident | null,
    now = new Date(),
  ): Promise<ResidentCare> {
    const notFound = () =>
      new RegistryError(RegistryErrorCode.NotFound, 'no such resident', 'residentIdNumber');
    if (!resident) throw notFound();
    const snapshot = resident.snapshot();
    const gridGroup = await this.organisation.findGroupIdByGrid(snapshot.gridId);
    const active = await this.residents.findActiveContract(snapshot.id);
    const contract = active?.inForceOn(localDate(now)) ? active.snapshot() : null;
    if (!canAccessResident(identity, [gridGroup, active?.snapshot().groupId ?? null])) throw notFound();
    const team = contract ? ((await this.workforce.findTeam(contract.teamId))?.snapshot() ?? null) : null;
    return { resident: snapshot, contract, team, groupId: contract?.groupId ?? gridGroup };
  }
}
