import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@medgrid/database';
import { AppError } from '@medgrid/errors';
import { localDate, RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { WORKFORCE_REPOSITORY, type WorkforceRepository } from '../../../workforce/domain/workforce.ports';
import { Contract, type ContractRules, type PopulationTag } from '../../domain/contract';
import { isMobilePhone, Resident } from '../../domain/resident';
import {
  RESIDENT_EVENT_PUBLISHER,
  RESIDENT_REPOSITORY,
  type ResidentEvent,
  type ResidentEventPublisher,
  type ResidentRepository,
} from '../../domain/resident.ports';
import { CONTRACT_RULES } from '../contract-rules';

export interface EnrolmentRow {
  /** 1-based line of the source (CSV line or generated index), for the report. */
  line: number;
  residentIdNumber: string;
  name: string;
  phone: string;
  gridId: string;
  /** Team to sign with today, or empty for no contract. */
  teamId: string;
  tags: PopulationTag[];
}

export interface RowProblem {
  line: number;
  field: string;
  reason: string;
  description: string;
}

export interface EnrolmentReport {
  accepted: number;
  contracts: number;
  rejected: RowProblem[];
}

/**
 * Registers many residents (and their contracts) at once: the CSV import and
 * the demo city use it. Every row is judged by the same domain rules as a
 * single registration; the rows' problems are all reported, and when any row
 * is rejected nothing at all is written.
 */
@Injectable()
export class BulkEnrolResidentsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(RESIDENT_REPOSITORY) private readonly residents: ResidentRepository,
    @Inject(WORKFORCE_REPOSITORY) private readonly workforce: WorkforceRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    @Inject(RESIDENT_EVENT_PUBLISHER) private readonly events: ResidentEventPublisher,
    @Inject(CONTRACT_RULES) private readonly rules: ContractRules,
  ) {}

  async execute(rows: readonly EnrolmentRow[], now = new Date()): Promise<EnrolmentReport> {
    const today = localDate(now);
    return this.uow.run(async () => {
      const problems: RowProblem[] = [];
      const gridGroups = await this.gridGroups(rows.map((r) => r.gridId.toLowerCase()));
      const teamGroups = await this.teamGroups(rows.map((r) => r.teamId.toLowerCase()).filter(Boolean));
      const existing = await this.residents.existingIdNumbers(
        rows.map((r) => r.residentIdNumber.trim().toUpperCase()).filter((v) => v.length === 18),
      );
      const seen = new Set<string>();
      const residents: Resident[] = [];
      const contracts: Contract[] = [];
      for (const row of rows) {
        const problem = (field: string, reason: string, description: string) =>
          problems.push({ line: row.line, field, reason, description });
        const parsed = ResidentId.parse(row.residentIdNumber, now);
        const gridId = row.gridId.toLowerCase();
        const teamId = row.teamId.toLowerCase();
        if (typeof parsed === 'string') problem('residentIdNumber', parsed, RESIDENT_ID_PROBLEM_TEXT[parsed]);
        else if (existing.has(parsed.value))
          problem('residentIdNumber', 'DUPLICATE_RESIDENT_ID_NUMBER', 'is already registered');
        else if (seen.has(parsed.value))
          problem('residentIdNumber', 'DUPLICATE_IN_FILE', 'appears twice in this import');
        if (!row.name.trim() || row.name.trim().length > 50)
          problem('name', 'REQUIRED', 'is required (at most 50 characters)');
        if (!isMobilePhone(row.phone.trim()))
          problem('phone', 'INVALID_FORMAT', 'must be an 11-digit mobile number');
        if (!gridGroups.has(gridId)) problem('gridId', 'UNKNOWN_GRID', 'no grid with this id');
        if (teamId && !teamGroups.has(teamId)) problem('teamId', 'UNKNOWN_TEAM', 'no team with this id');
        else if (teamId && gridGroups.has(gridId) && teamGroups.get(teamId) !== gridGroups.get(gridId)) {
          problem(
            'teamId',
            'TEAM_DOES_NOT_SERVE_RESIDENT_GRID',
            'the team’s group does not serve the resident’s grid',
          );
        }
        if (problems.at(-1)?.line === row.line || typeof parsed === 'string') continue;
        seen.add(parsed.value);
        const resident = Resident.register({
          id: uuidv7(),
          residentId: parsed,
          name: row.name.trim(),
          phone: row.phone.trim(),
          gridId,
        });
        if (teamId) {
          try {
            contracts.push(
              Contract.sign(
                {
                  id: uuidv7(),
                  resident: resident.snapshot(),
                  team: { id: teamId, groupId: teamGroups.get(teamId)! },
                  startDate: today,
                  tags: row.tags,
                },
                this.rules,
              ),
            );
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            problem('tags', error.code, error.message);
            continue;
          }
        }
        residents.push(resident);
      }
      if (problems.length > 0) return { accepted: 0, contracts: 0, rejected: problems };
      await this.residents.insertResidents(residents);
      await this.residents.insertContracts(contracts);
      const idNumbers = new Map(residents.map((r) => [r.snapshot().id, r.snapshot().residentIdNumber]));
      const events: ResidentEvent[] = [
        ...residents.map((r) => ({ kind: 'resident-changed' as const, resident: r.snapshot() })),
        ...contracts.flatMap((c) =>
          c.pullEvents().map((event) => ({
            kind: 'contract-changed' as const,
            event,
            residentIdNumber: idNumbers.get(c.snapshot().residentId)!,
          })),
        ),
      ];
      await this.events.publish(events);
      return { accepted: residents.length, contracts: contracts.length, rejected: [] };
    });
  }

  private async gridGroups(gridIds: string[]): Promise<Map<string, string | null>> {
    const result = new Map<string, string | null>();
    for (const id of new Set(gridIds)) {
      if (!/^[0-9a-f-]{36}$/.test(id) || !(await this.organisation.findGrid(id))) continue;
      result.set(id, await this.organisation.findGroupIdByGrid(id));
    }
    return result;
  }

  private async teamGroups(teamIds: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const id of new Set(teamIds)) {
      if (!/^[0-9a-f-]{36}$/.test(id)) continue;
      const team = await this.workforce.findTeam(id);
      if (team) result.set(id, team.snapshot().groupId);
    }
    return result;
  }
}
