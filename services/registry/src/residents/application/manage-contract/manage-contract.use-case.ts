import { Inject, Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { FieldChecks } from '@medgrid/errors';
import { isLocalDate, localDate } from '@medgrid/kernel';
import { v7 as uuidv7 } from 'uuid';
import { requireAllowed } from '../../../shared/require-allowed';
import {
  ORGANISATION_REPOSITORY,
  type OrganisationRepository,
} from '../../../organisation/domain/organisation.ports';
import { RegistryError, RegistryErrorCode } from '../../../shared/registry-error';
import { WORKFORCE_REPOSITORY, type WorkforceRepository } from '../../../workforce/domain/workforce.ports';
import {
  Contract,
  type ContractRules,
  type ContractSnapshot,
  type PopulationTag,
} from '../../domain/contract';
import {
  RESIDENT_EVENT_PUBLISHER,
  RESIDENT_REPOSITORY,
  type ResidentEvent,
  type ResidentEventPublisher,
  type ResidentRepository,
} from '../../domain/resident.ports';
import { CONTRACT_RULES } from '../contract-rules';
import { canAccessResident } from '../resident-access.policy';

export interface SignContractCommand {
  clientRequestId: string;
  residentId: string;
  teamId: string;
  /** Empty for today (Asia/Shanghai). */
  startDate: string;
  tags: (PopulationTag | undefined)[];
}

/** A change of one contract (RenewContract, EndContract). */
export interface ChangeContractCommand {
  clientRequestId: string;
  contractId: string;
}

/** How far ahead a contract may be signed to start. */
const MAX_DAYS_AHEAD = 90;

/**
 * Signs, renews and ends family-doctor contracts. The resident row is locked
 * while a contract is signed, and a lapsed contract is marked expired in the
 * same transaction, so a resident never has two active contracts.
 */
@Injectable()
export class ManageContractUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(RESIDENT_REPOSITORY) private readonly residents: ResidentRepository,
    @Inject(WORKFORCE_REPOSITORY) private readonly workforce: WorkforceRepository,
    @Inject(ORGANISATION_REPOSITORY) private readonly organisation: OrganisationRepository,
    private readonly requests: ClientRequests,
    @Inject(RESIDENT_EVENT_PUBLISHER) private readonly events: ResidentEventPublisher,
    @Inject(CONTRACT_RULES) private readonly rules: ContractRules,
  ) {}

  async sign(identity: Identity, command: SignContractCommand, now = new Date()): Promise<ContractSnapshot> {
    const today = localDate(now);
    const startDate = command.startDate.trim() || today;
    const checks = new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('residentId', command.residentId)
      .uuid('teamId', command.teamId)
      .check('startDate', isLocalDate(startDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD');
    if (isLocalDate(startDate)) {
      checks.check('startDate', startDate >= today, 'IN_THE_PAST', `must be today (${today}) or later`);
      const latest = localDate(new Date(now.getTime() + MAX_DAYS_AHEAD * 86_400_000));
      checks.check(
        'startDate',
        startDate <= latest,
        'TOO_FAR_AHEAD',
        `must be within ${MAX_DAYS_AHEAD} days`,
      );
    }
    command.tags.forEach((tag, i) =>
      checks.check(`tags[${i}]`, tag !== undefined, 'INVALID_VALUE', 'is not a population tag'),
    );
    checks.throwIfAny();
    return this.uow.run(async () => {
      const resident = await this.residents.findResident(command.residentId.toLowerCase(), true);
      if (!resident)
        throw new RegistryError(RegistryErrorCode.NotFound, 'no resident with this id', 'residentId');
      const team = await this.workforce.findTeam(command.teamId.toLowerCase());
      if (!team) throw new RegistryError(RegistryErrorCode.UnknownTeam, 'no team with this id', 'teamId');
      const servingGroup = await this.organisation.findGroupIdByGrid(resident.snapshot().gridId);
      const teamGroup = team.snapshot().groupId;
      requireAllowed(canAccessResident(identity, [servingGroup]), 'sign contracts for this resident');
      return this.requests.createOnce(clientRequestOf('sign-contract', command), {
        load: async (id) => (await this.residents.findContract(id))?.snapshot() ?? null,
        create: async () => {
          if (teamGroup !== servingGroup) {
            throw new RegistryError(
              RegistryErrorCode.TeamOutsideResidentGrid,
              'the team belongs to a group that does not serve the resident’s grid',
              'teamId',
            );
          }
          const events: ResidentEvent[] = [];
          const current = await this.residents.findActiveContract(resident.snapshot().id, true);
          if (current && !current.isLapsedOn(today)) {
            throw new RegistryError(
              RegistryErrorCode.AlreadyContracted,
              'the resident already has an active contract',
              'residentId',
            );
          }
          if (current) {
            const version = current.snapshot().version;
            current.expire(today);
            await this.residents.updateContract(current, version);
            events.push(...this.contractEvents(current, resident.snapshot().residentIdNumber));
          }
          const contract = Contract.sign(
            {
              id: uuidv7(),
              resident: resident.snapshot(),
              team: { id: team.snapshot().id, groupId: teamGroup },
              startDate,
              tags: command.tags as PopulationTag[],
            },
            this.rules,
          );
          await this.residents.insertContract(contract);
          events.push(...this.contractEvents(contract, resident.snapshot().residentIdNumber));
          await this.events.publish(events);
          return { id: contract.snapshot().id, result: contract.snapshot() };
        },
      });
    });
  }

  renew(identity: Identity, command: ChangeContractCommand, now = new Date()): Promise<ContractSnapshot> {
    return this.change(identity, 'renew-contract', command, (contract) =>
      contract.renew(localDate(now), this.rules),
    );
  }

  end(identity: Identity, command: ChangeContractCommand, now = new Date()): Promise<ContractSnapshot> {
    return this.change(identity, 'end-contract', command, (contract) => contract.end(now));
  }

  /** A retry (same request id, same contract) is answered with the contract as it is now. */
  private async change(
    identity: Identity,
    operation: 'renew-contract' | 'end-contract',
    command: ChangeContractCommand,
    apply: (contract: Contract) => void,
  ): Promise<ContractSnapshot> {
    new FieldChecks()
      .uuid('clientRequestId', command.clientRequestId)
      .uuid('contractId', command.contractId)
      .throwIfAny();
    return this.uow.run(async () => {
      const contract = await this.residents.findContract(command.contractId.toLowerCase(), true);
      if (!contract)
        throw new RegistryError(RegistryErrorCode.NotFound, 'no contract with this id', 'contractId');
      const resident = (await this.residents.findResident(contract.snapshot().residentId))!.snapshot();
      const servingGroup = await this.organisation.findGroupIdByGrid(resident.gridId);
      requireAllowed(
        canAccessResident(identity, [servingGroup, contract.snapshot().groupId]),
        'change this contract',
      );
      const request = { ...command, contractId: contract.snapshot().id };
      if (await this.requests.isRetry(clientRequestOf(operation, request), contract.snapshot().id)) {
        return contract.snapshot();
      }
      const version = contract.snapshot().version;
      apply(contract);
      await this.residents.updateContract(contract, version);
      await this.events.publish(this.contractEvents(contract, resident.residentIdNumber));
      return contract.snapshot();
    });
  }

  private contractEvents(contract: Contract, residentIdNumber: string): ResidentEvent[] {
    return contract.pullEvents().map((event) => ({ kind: 'contract-changed', event, residentIdNumber }));
  }
}
