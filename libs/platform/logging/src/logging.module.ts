import { type DynamicModule, Module } from '@nestjs/common';
import { type Logger } from 'pino';

/** Nest injection token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');

/** Makes the service's logger injectable everywhere (@Inject(LOGGER)). */
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      providers: [{ provide: LOGGER, useValue: logger }],
      exports: [LOGGER],
    };
  }
}
