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
export { CityRegisteredKafkaConsumer } from './kafka/city-registered.kafka.consumer';
export { ContractChangedKafkaConsumer } from './kafka/contract-changed.kafka.consumer';
export { DepartmentRegisteredKafkaConsumer } from './kafka/department-registered.kafka.consumer';
export { GridRegisteredKafkaConsumer } from './kafka/grid-registered.kafka.consumer';
export { InstitutionChangedKafkaConsumer } from './kafka/institution-changed.kafka.consumer';
export { MedicalGroupChangedKafkaConsumer } from './kafka/medical-group-changed.kafka.consumer';
export { ResidentChangedKafkaConsumer } from './kafka/resident-changed.kafka.consumer';
export { TeamChangedKafkaConsumer } from './kafka/team-changed.kafka.consumer';
export { CreateRegistryViewTables1732600000000 } from './registry-view.migration';
export { RegistryViewCities1733300000001 } from './registry-view-cities.migration';
export { RegistryViewResidents1733100000001 } from './registry-view-residents.migration';
