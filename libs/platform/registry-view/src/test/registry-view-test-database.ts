import { createDataSource } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { KnownResidentOrmEntity } from '../persistence/known-resident.orm-entity';
import { REGISTRY_VIEW_ENTITIES } from '../persistence/registry-view-entities';
import { RegistryViewCities1733300000001 } from '../registry-view-cities.migration';
import { RegistryViewPractitioners1734100000001 } from '../registry-view-practitioners.migration';
import { RegistryViewResidents1733100000001 } from '../registry-view-residents.migration';
import { CreateRegistryViewTables1732600000000 } from '../registry-view.migration';

/** A fresh database with every known_* table, as a service that lists all four migrations has. */
export function registryViewTestDatabase(label: string, poolSize = 2): Promise<MigratedTestDatabase> {
  return MigratedTestDatabase.create(label, (url) =>
    createDataSource({
      url,
      applicationName: 'registry-view-int',
      poolSize,
      entities: [...REGISTRY_VIEW_ENTITIES, KnownResidentOrmEntity],
      migrations: [
        CreateRegistryViewTables1732600000000,
        RegistryViewResidents1733100000001,
        RegistryViewCities1733300000001,
        RegistryViewPractitioners1734100000001,
      ],
    }),
  );
}
