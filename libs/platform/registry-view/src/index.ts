export {
  isHospital,
  RegistryView,
  type KnownContract,
  type KnownDepartment,
  type KnownGroup,
  type KnownInstitution,
  type KnownMembershipRole,
  type KnownTeam,
} from './registry-view';
export { RegistryViewSqlRepository } from './registry-view.sql-repository';
export {
  ContractChangedKafkaConsumer,
  DepartmentRegisteredKafkaConsumer,
  InstitutionChangedKafkaConsumer,
  MedicalGroupChangedKafkaConsumer,
  TeamChangedKafkaConsumer,
} from './registry-projection.kafka.consumers';
export { CreateRegistryViewTables1732600000000 } from './registry-view.migration';
