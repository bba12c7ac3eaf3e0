import { Module } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type RegistryConfig } from '../config/registry.config';
import { OrganisationModule } from '../organisation/organisation.module';
import { WorkforceModule } from '../workforce/workforce.module';
import { BulkEnrolResidentsUseCase } from './application/bulk-enrol-residents/bulk-enrol-residents.use-case';
import { ContractRulesProvider } from './application/contract-rules';
import { ContractStep } from './application/contract-step';
import { EndContractUseCase } from './application/end-contract/end-contract.use-case';
import { FindResidentByIdNumberUseCase } from './application/find-resident-by-id-number/find-resident-by-id-number.use-case';
import { GetResidentCareUseCase } from './application/get-resident-care/get-resident-care.use-case';
import { GetResidentUseCase } from './application/get-resident/get-resident.use-case';
import { RegisterResidentUseCase } from './application/register-resident/register-resident.use-case';
import { RenewContractUseCase } from './application/renew-contract/renew-contract.use-case';
import { ResidentGrids } from './application/resident-grids';
import { SearchResidentsUseCase } from './application/search-residents/search-residents.use-case';
import { SignContractUseCase } from './application/sign-contract/sign-contract.use-case';
import { UpdateResidentUseCase } from './application/update-resident/update-resident.use-case';
import { VisibleCare } from './application/visible-care';
import { ContractRepository } from './domain/contract.repository';
import { ResidentEventPublisher } from './domain/resident-event-publisher';
import { ResidentRepository } from './domain/resident.repository';
import { ResidentOutboxPublisher } from './infrastructure/messaging/resident-outbox.publisher';
import { ContractTypeormRepository } from './infrastructure/persistence/contract.typeorm-repository';
import { ResidentTypeormRepository } from './infrastructure/persistence/resident.typeorm-repository';

const USE_CASES = [
  RegisterResidentUseCase,
  UpdateResidentUseCase,
  GetResidentUseCase,
  GetResidentCareUseCase,
  SearchResidentsUseCase,
  FindResidentByIdNumberUseCase,
  SignContractUseCase,
  RenewContractUseCase,
  EndContractUseCase,
  BulkEnrolResidentsUseCase,
];

/** The residents context: residents and their family-doctor contracts. */
@Module({
  imports: [OrganisationModule, WorkforceModule],
  providers: [
    ...USE_CASES,
    AuditTrail,
    ResidentGrids,
    VisibleCare,
    ContractStep,
    { provide: ResidentRepository, useClass: ResidentTypeormRepository },
    { provide: ContractRepository, useClass: ContractTypeormRepository },
    { provide: ResidentEventPublisher, useClass: ResidentOutboxPublisher },
    {
      provide: ContractRulesProvider,
      useFactory: (config: RegistryConfig): ContractRulesProvider => ({
        rules: {
          termMonths: config.CONTRACT_TERM_MONTHS,
          elderlyAge: config.ELDERLY_AGE,
          childMaxAge: config.CHILD_MAX_AGE,
        },
      }),
      inject: [SERVICE_CONFIG],
    },
  ],
  exports: USE_CASES,
})
export class ResidentsModule {}
