export {
  isHospital,
  RegistryView,
  type KnownCity,
  type KnownContract,
  type KnownDepartment,
  type KnownGrid,
  type KnownGroup,
  type KnownInstitution,
  type KnownMembershipRole,
  type KnownResident,
  type KnownTeam,
} from './registry-view';
export { RegistryViewSqlRepository } from './registry-view.sql-repository';
export { RegistryViewInstitutionDirectory } from './registry-view-institution.directory';
export {
  CityRegisteredKafkaConsumer,
  ContractChangedKafkaConsumer,
  DepartmentRegisteredKafkaConsumer,
  GridRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  ResidentChangedKafkaConsumer,
  TeamChangedKafkaConsumer,
} from './registry-projection.kafka.consumers';
export { CreateRegistryViewTables1732600000000 } from './registry-view.migration';
export { RegistryViewCities1733300000001 } from './registry-view-cities.migration';
export { RegistryViewResidents1733100000001 } from './registry-view-residents.migration';
