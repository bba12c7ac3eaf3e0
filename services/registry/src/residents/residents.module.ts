import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type RegistryConfig } from '../config/registry.config';
import { OrganisationModule } from '../organisation/organisation.module';
import { WorkforceModule } from '../workforce/workforce.module';
import { BulkEnrolResidentsUseCase } from './application/bulk-enrol/bulk-enrol-residents.use-case';
import { CONTRACT_RULES } from './application/contract-rules';
import { ManageContractUseCase } from './application/manage-contract/manage-contract.use-case';
import { ResidentQueries } from './application/queries/resident-queries';
import { RegisterResidentUseCase } from './application/register-resident/register-resident.use-case';
import { type ContractRules } from './domain/contract';
import { RESIDENT_EVENT_PUBLISHER, RESIDENT_REPOSITORY } from './domain/resident.ports';
import { ResidentOutboxPublisher } from './infrastructure/messaging/resident-outbox.publisher';
import { ResidentTypeormRepository } from './infrastructure/persistence/resident.typeorm-repository';

const USE_CASES = [
  RegisterResidentUseCase,
  ManageContractUseCase,
  ResidentQueries,
  BulkEnrolResidentsUseCase,
];

/** The residents context: residents and their family-doctor contracts. */
@Module({
  imports: [OrganisationModule, WorkforceModule],
  providers: [
    ...USE_CASES,
    AuditTrail,
    { provide: RESIDENT_REPOSITORY, useClass: ResidentTypeormRepository },
    { provide: RESIDENT_EVENT_PUBLISHER, useClass: ResidentOutboxPublisher },
    {
      provide: CONTRACT_RULES,
      useFactory: (config: RegistryConfig): ContractRules => ({
        termMonths: config.CONTRACT_TERM_MONTHS,
        elderlyAge: config.ELDERLY_AGE,
        childMaxAge: config.CHILD_MAX_AGE,
      }),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: USE_CASES,
})
export class ResidentsModule {}
