import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { FamilyDoctorTeamRepository } from '../../../workforce/domain/family-doctor-team.repository';
import { Contract, type ContractSnapshot } from '../../domain/contract';
import { ContractRepository } from '../../domain/contract.repository';
import { ResidentError, ResidentErrorCode } from '../../domain/resident-error';
import { type ResidentEvent, ResidentEventPublisher } from '../../domain/resident-event-publisher';
import { ResidentRepository } from '../../domain/resident.repository';
import { contractEvents } from '../contract-events';
import { ContractRulesProvider } from '../contract-rules';
import { canAccessResident, requireAllowed } from '../resident-access.policy';
import { ResidentGrids } from '../resident-grids';
import { type SignContractCommand } from './sign-contract.command';

/**
 * SignContract: signs a family-doctor contract. The resident row is locked while a contract is
 * signed, and a lapsed contract is marked expired in the same transaction, so a resident never
 * has two active contracts.
 */
@Injectable()
export class SignContractUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly residents: ResidentRepository,
    private readonly contracts: ContractRepository,
    private readonly teams: FamilyDoctorTeamRepository,
    private readonly grids: ResidentGrids,
    private readonly requests: ClientRequests,
    private readonly events: ResidentEventPublisher,
    private readonly rules: ContractRulesProvider,
  ) {}

  async execute(
    identity: Identity,
    command: SignContractCommand,
    now = new Date(),
  ): Promise<ContractSnapshot> {
    const today = localDate(now);
    const startDate = command.startDate || today;
    return this.uow.run(async () => {
      const resident = await this.residents.findById(command.residentId, true);
      if (!resident) {
        throw new ResidentError(ResidentErrorCode.NotFound, 'no resident with this id', 'residentId');
      }
      const team = await this.teams.findById(command.teamId);
      if (!team) throw new ResidentError(ResidentErrorCode.UnknownTeam, 'no team with this id', 'teamId');
      const servingGroup = await this.grids.servingGroup(resident.snapshot().gridId);
      const teamGroup = team.snapshot().groupId;
      requireAllowed(canAccessResident(identity, [servingGroup]), 'sign contracts for this resident');
      return this.requests.createOnce(clientRequestOf('sign-contract', command), {
        load: async (id) => (await this.contracts.findById(id))?.snapshot() ?? null,
        create: async () => {
          if (teamGroup !== servingGroup) {
            throw new ResidentError(
              ResidentErrorCode.TeamOutsideResidentGrid,
              'the team belongs to a group that does not serve the resident’s grid',
              'teamId',
            );
          }
          const { residentIdNumber } = resident.snapshot();
          const events: ResidentEvent[] = [];
          const current = await this.contracts.findActive(resident.snapshot().id, true);
          if (current && !current.isLapsedOn(today)) {
            throw new ResidentError(
              ResidentErrorCode.AlreadyContracted,
              'the resident already has an active contract',
              'residentId',
            );
          }
          if (current) {
            const version = current.snapshot().version;
            current.expire(today);
            await this.contracts.update(current, version);
            events.push(...contractEvents(current, residentIdNumber));
          }
          const contract = Contract.sign(
            {
              id: uuidv7(),
              resident: resident.snapshot(),
              team: { id: team.snapshot().id, groupId: teamGroup },
              startDate,
              tags: command.tags,
            },
            this.rules.rules,
          );
          await this.contracts.insert(contract);
          events.push(...contractEvents(contract, residentIdNumber));
          await this.events.publish(events);
          return { id: contract.snapshot().id, result: contract.snapshot() };
        },
      });
    });
  }
}
