import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { AppError, isUuid } from '@medgrid/errors';
import { localDate, RESIDENT_ID_PROBLEM_TEXT, ResidentId } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { FamilyDoctorTeamRepository } from '../../../workforce/domain/family-doctor-team.repository';
import { Contract } from '../../domain/contract';
import { ContractRepository } from '../../domain/contract.repository';
import { isMobilePhone, Resident } from '../../domain/resident';
import { type ResidentEvent, ResidentEventPublisher } from '../../domain/resident-event-publisher';
import { ResidentRepository } from '../../domain/resident.repository';
import { ContractRulesProvider } from '../contract-rules';
import { canEnrolResidents } from '../resident-access.policy';
import { ResidentGrids } from '../resident-grids';
import { type BulkEnrolResidentsCommand } from './bulk-enrol-residents.command';

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
 * BulkEnrolResidents: registers many residents (and their contracts) at once; the CSV import
 * and the demo city use it. Every row is judged by the same domain rules as a single
 * registration; the rows' problems are all reported, and when any row is rejected nothing at
 * all is written.
 */
@Injectable()
export class BulkEnrolResidentsUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly residents: ResidentRepository,
    private readonly contracts: ContractRepository,
    private readonly teams: FamilyDoctorTeamRepository,
    private readonly grids: ResidentGrids,
    private readonly events: ResidentEventPublisher,
    private readonly rules: ContractRulesProvider,
  ) {}

  async execute(
    identity: Identity,
    command: BulkEnrolResidentsCommand,
    now = new Date(),
  ): Promise<EnrolmentReport> {
    const today = localDate(now);
    const { rows } = command;
    return this.uow.run(async () => {
      const problems: RowProblem[] = [];
      const gridGroups = await this.gridGroups(rows.map((r) => r.gridId));
      const teamGroups = await this.teamGroups(rows.map((r) => r.teamId).filter(Boolean));
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
        const { gridId, teamId } = row;
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
        else if (!canEnrolResidents(identity, gridGroups.get(gridId)!))
          problem('gridId', 'NOT_ALLOWED', 'your group does not serve this grid');
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
                this.rules.rules,
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
      await this.residents.insertMany(residents);
      await this.contracts.insertMany(contracts);
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
      if (!isUuid(id)) continue;
      const known = await this.grids.servingGroupIfKnown(id);
      if (known !== undefined) result.set(id, known);
    }
    return result;
  }

  private async teamGroups(teamIds: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (const id of new Set(teamIds)) {
      if (!isUuid(id)) continue;
      const team = await this.teams.findById(id);
      if (team) result.set(id, team.snapshot().groupId);
    }
    return result;
  }
}
