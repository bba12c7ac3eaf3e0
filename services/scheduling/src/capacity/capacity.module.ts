import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@medgrid/service';
import { SchedulingCommonModule } from '../common/scheduling-common.module';
import { type SchedulingConfig } from '../config/scheduling.config';
import { GetCityReserveFloorUseCase } from './application/get-city-reserve-floor/get-city-reserve-floor.use-case';
import { HospitalReserveRules } from './application/hospital-reserve-rules';
import { ReserveRulesProvider } from './application/reserve-rules';
import { SetCityReserveFloorUseCase } from './application/set-city-reserve-floor/set-city-reserve-floor.use-case';
import { CityReserveFloorRepository } from './domain/city-reserve-floor.repository';
import { ReservePolicyRepository } from './domain/reserve-policy.repository';
import { CityReserveFloorTypeormRepository } from './infrastructure/persistence/city-reserve-floor.typeorm-repository';
import { ReservePolicyTypeormRepository } from './infrastructure/persistence/reserve-policy.typeorm-repository';

const USE_CASES = [SetCityReserveFloorUseCase, GetCityReserveFloorUseCase];

/** The capacity context: cities' reserve floors and hospitals' reserve policies, and the share in force. */
@Module({
  imports: [SchedulingCommonModule],
  providers: [
    ...USE_CASES,
    HospitalReserveRules,
    { provide: CityReserveFloorRepository, useClass: CityReserveFloorTypeormRepository },
    { provide: ReservePolicyRepository, useClass: ReservePolicyTypeormRepository },
    {
      provide: ReserveRulesProvider,
      useFactory: (config: SchedulingConfig): ReserveRulesProvider => ({
        rules: {
          slotFloor: config.SLOT_RESERVE_FLOOR,
          bedFloor: config.BED_RESERVE_FLOOR,
          releaseLeadHours: config.RESERVE_RELEASE_LEAD_HOURS,
        },
      }),
      inject: [SERVICE_CONFIG],
    },
  ],
  // The contexts above judge their capacity by the share in force and set hospitals' policies.
  exports: [...USE_CASES, HospitalReserveRules, ReservePolicyRepository],
})
export class CapacityModule {}
