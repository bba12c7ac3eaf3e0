import { KnownCityOrmEntity } from './known-city.orm-entity';
import { KnownContractOrmEntity } from './known-contract.orm-entity';
import { KnownDepartmentOrmEntity } from './known-department.orm-entity';
import { KnownGridOrmEntity } from './known-grid.orm-entity';
import { KnownGroupOrmEntity } from './known-group.orm-entity';
import { KnownInstitutionOrmEntity } from './known-institution.orm-entity';
import { KnownPractitionerOrmEntity } from './known-practitioner.orm-entity';
import { KnownTeamOrmEntity } from './known-team.orm-entity';

/**
 * The entities of the tables CreateRegistryViewTables1732600000000,
 * RegistryViewCities1733300000001 and RegistryViewPractitioners1734100000001 make, which every
 * service keeping the projection lists with those migrations. known_resident comes with its own migration (RegistryViewResidents1733100000001),
 * so a service listing that migration lists KnownResidentOrmEntity beside these.
 */
export const REGISTRY_VIEW_ENTITIES = [
  KnownInstitutionOrmEntity,
  KnownGroupOrmEntity,
  KnownDepartmentOrmEntity,
  KnownTeamOrmEntity,
  KnownContractOrmEntity,
  KnownGridOrmEntity,
  KnownCityOrmEntity,
  KnownPractitionerOrmEntity,
];
