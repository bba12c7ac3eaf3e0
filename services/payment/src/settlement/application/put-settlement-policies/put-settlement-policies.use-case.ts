import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { clientRequestOf, ClientRequests } from '@medgrid/idempotency';
import { pastChangeViolations } from '../../../common/domain/unchanged-past';
import { InstitutionPlacements } from '../../../common/institution-placements';
import { PaymentAccess } from '../../../common/payment-access.policy';
import { SettlementError } from '../../domain/settlement-error';
import { type SettlementRules } from '../../domain/settlement-rules';
import { SettlementRulesRepository } from '../../domain/settlement-rules.repository';
import { type PutSettlementPoliciesCommand } from './put-settlement-policies.command';

/**
 * PutSettlementPolicies: the city's insurance administration puts its fund's settlement policies and composite
 * schemes as the next version, from the version it read, refused whole with every bad field named; after the first
 * version no policy or scheme in force on or before today changes (RETROACTIVE_CHANGE). A retry is answered with the
 * rules as they stand.
 */
@Injectable()
export class PutSettlementPoliciesUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: SettlementRulesRepository,
    private readonly placements: InstitutionPlacements,
    private readonly requests: ClientRequests,
  ) {}

  async execute(
    identity: Identity,
    command: PutSettlementPoliciesCommand,
    now = new Date(),
  ): Promise<SettlementRules> {
    PaymentAccess.require(PaymentAccess.administersInsurance(identity), "put a fund's settlement policies");
    await this.placements.requireRegion(command.regionId);
    return this.uow.run(async () => {
      const rules = await this.rules.load(command.regionId, true);
      return this.requests.createOnce(clientRequestOf('put-settlement-policies', command), {
        load: async () => this.rules.load(command.regionId, false),
        create: async () => {
          const before = rules.snapshot();
          rules.load(command.policies, command.schemes, command.fromVersion);
          if (before.version > 0) {
            const today = now.toISOString().slice(0, 10);
            const retroactive = [
              ...pastChangeViolations(before.policies, command.policies, today, 'policies'),
              ...pastChangeViolations(before.schemes, command.schemes, today, 'schemes'),
            ];
            if (retroactive.length) throw SettlementError.invalid(retroactive);
          }
          await this.rules.save(rules, identity.subject, now);
          return { id: `${command.regionId}:${rules.version}`, result: rules };
        },
      });
    });
  }
}
