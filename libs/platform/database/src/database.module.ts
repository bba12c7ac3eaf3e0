import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { watchPool } from './pool-metrics';
import { UnitOfWork } from './unit-of-work';

/** Closes the pool when Nest shuts down. */
class DataSourceLifecycle implements OnApplicationShutdown {
  private readonly unwatch: () => void;

  constructor(private readonly dataSource: DataSource) {
    this.unwatch = watchPool(dataSource);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unwatch();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/**
 * Provides the service's DataSource (initialised before the app starts) and
 * its UnitOfWork. The service builds the DataSource itself so the same one
 * serves the app and its migrate command.
 */
@Module({})
export class DatabaseModule {
  static forRoot(dataSourceFactory: () => DataSource): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          useFactory: async () => {
            const dataSource = dataSourceFactory();
            return dataSource.isInitialized ? dataSource : dataSource.initialize();
          },
        },
        { provide: UnitOfWork, useFactory: (ds: DataSource) => new UnitOfWork(ds), inject: [DataSource] },
        {
          provide: DataSourceLifecycle,
          useFactory: (ds: DataSource) => new DataSourceLifecycle(ds),
          inject: [DataSource],
        },
      ],
      exports: [DataSource, UnitOfWork],
    };
  }
}
