import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { HealthHttpController } from './health.http.controller';
import { READINESS_CHECKS, type ReadinessCheck } from './readiness';

export interface HealthModuleOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...deps: any[]) => ReadinessCheck[];
  inject?: (string | symbol | Type)[];
}

/** Liveness, readiness and metrics endpoints on the service's HTTP port. */
@Module({})
export class HealthModule {
  static forRoot(options: HealthModuleOptions): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthHttpController],
      providers: [
        { provide: READINESS_CHECKS, useFactory: options.useFactory, inject: options.inject ?? [] },
      ],
      exports: [READINESS_CHECKS],
    };
  }
}
