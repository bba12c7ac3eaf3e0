import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { localDate } from '@medgrid/kernel';
import { type FamilyDoctorTeamSnapshot } from '../../workforce/domain/family-doctor-team';
import { FamilyDoctorTeamRepository } from '../../workforce/domain/family-doctor-team.repository';
import { type ContractSnapshot } from '../domain/contract';
import { ContractRepository } from '../domain/contract.repository';
import { type Resident, type ResidentSnapshot } from '../domain/resident';
import { ResidentError, ResidentErrorCode } from '../domain/resident-error';
import { canAccessResident } from './resident-access.policy';
import { ResidentGrids } from './resident-grids';

/** A resident with the contract in force, its team, and the group that cares for them. */
export interface ResidentCare {
  resident: ResidentSnapshot;
  contract: ContractSnapshot | null;
  team: FamilyDoctorTeamSnapshot | null;
  groupId: string | null;
}

/**
 * The care of a resident the caller may see: one their group serves (by grid or by contract).
 * A resident the caller may not see is reported as not found, like one that does not exist.
 */
@Injectable()
export class VisibleCare {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly teams: FamilyDoctorTeamRepository,
    private readonly grids: ResidentGrids,
  ) {}

  async of(identity: Identity, resident: Resident | null, now = new Date()): Promise<ResidentCare> {
    const notFound = () =>
      new ResidentError(ResidentErrorCode.NotFound, 'no such resident', 'residentIdNumber');
    if (!resident) throw notFound();
    const snapshot = resident.snapshot();
    const gridGroup = await this.grids.servingGroup(snapshot.gridId);
    const active = await this.contracts.findActive(snapshot.id);
    const contract = active?.inForceOn(localDate(now)) ? active.snapshot() : null;
    if (!canAccessResident(identity, [gridGroup, active?.snapshot().groupId ?? null])) throw notFound();
    const team = contract ? ((await this.teams.findById(contract.teamId))?.snapshot() ?? null) : null;
    return { resident: snapshot, contract, team, groupId: contract?.groupId ?? gridGroup };
  }
}
