import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ManageTeamUseCase } from './application/manage-team/manage-team.use-case';
import { WorkforceQueries } from './application/queries/workforce-queries';
import { RegisterPractitionerUseCase } from './application/register-practitioner/register-practitioner.use-case';
import { WORKFORCE_EVENT_PUBLISHER, WORKFORCE_REPOSITORY } from './domain/workforce.ports';
import { WorkforceOutboxPublisher } from './infrastructure/messaging/workforce-outbox.publisher';
import { WorkforceTypeormRepository } from './infrastructure/persistence/workforce.typeorm-repository';

const USE_CASES = [RegisterPractitionerUseCase, ManageTeamUseCase, WorkforceQueries];

/** The workforce context: practitioners and family-doctor teams. */
@Module({
  imports: [OrganisationModule],
  providers: [
    ...USE_CASES,
    { provide: WORKFORCE_REPOSITORY, useClass: WorkforceTypeormRepository },
    { provide: WORKFORCE_EVENT_PUBLISHER, useClass: WorkforceOutboxPublisher },
  ],
  exports: [...USE_CASES, WORKFORCE_REPOSITORY],
})
export class WorkforceModule {}
