import { Module } from '@nestjs/common';
import { CapacityModule } from '../capacity/capacity.module';
import { SchedulingCommonModule } from '../common/scheduling-common.module';
import { HoldsModule } from '../holds/holds.module';
import { AdmissionStep } from './application/admission-step';
import { AssignBedUseCase } from './application/assign-bed/assign-bed.use-case';
import { CancelAdmissionUseCase } from './application/cancel-admission/cancel-admission.use-case';
import { DischargePatientUseCase } from './application/discharge-patient/discharge-patient.use-case';
import { GetAdmissionUseCase } from './application/get-admission/get-admission.use-case';
import { GetWardUseCase } from './application/get-ward/get-ward.use-case';
import { ListAdmissionsUseCase } from './application/list-admissions/list-admissions.use-case';
import { RegisterWardUseCase } from './application/register-ward/register-ward.use-case';
import { RequestAdmissionUseCase } from './application/request-admission/request-admission.use-case';
import { BedEventPublisher } from './domain/bed-event-publisher';
import { BedRepository } from './domain/bed.repository';
import { BedOutboxPublisher } from './infrastructure/messaging/bed-outbox.publisher';
import { BedTypeormRepository } from './infrastructure/persistence/bed.typeorm-repository';

const USE_CASES = [
  RegisterWardUseCase,
  GetWardUseCase,
  RequestAdmissionUseCase,
  AssignBedUseCase,
  DischargePatientUseCase,
  CancelAdmissionUseCase,
  GetAdmissionUseCase,
  ListAdmissionsUseCase,
];

/** The beds context: wards, their beds and admissions. */
@Module({
  imports: [SchedulingCommonModule, CapacityModule, HoldsModule],
  providers: [
    ...USE_CASES,
    AdmissionStep,
    { provide: BedRepository, useClass: BedTypeormRepository },
    { provide: BedEventPublisher, useClass: BedOutboxPublisher },
  ],
  exports: USE_CASES,
})
export class BedsModule {}
