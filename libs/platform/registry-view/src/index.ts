// The port and what it answers (Known* values, isHospital): all of registry-view.ts is public.
export * from './registry-view';
export { KnownResidentOrmEntity } from './persistence/known-resident.orm-entity';
export { REGISTRY_VIEW_ENTITIES } from './persistence/registry-view-entities';
export { RegistryViewTypeormRepository } from './persistence/registry-view.typeorm-repository';
export { RegistryViewInstitutionDirectory } from './registry-view-institution.directory';
export { CityRegisteredKafkaConsumer } from './kafka/city-registered.kafka.consumer';
export { ContractChangedKafkaConsumer } from './kafka/contract-changed.kafka.consumer';
export { DepartmentRegisteredKafkaConsumer } from './kafka/department-registered.kafka.consumer';
export { GridRegisteredKafkaConsumer } from './kafka/grid-registered.kafka.consumer';
export { InstitutionChangedKafkaConsumer } from './kafka/institution-changed.kafka.consumer';
export { MedicalGroupChangedKafkaConsumer } from './kafka/medical-group-changed.kafka.consumer';
export { PractitionerChangedKafkaConsumer } from './kafka/practitioner-changed.kafka.consumer';
export { ResidentChangedKafkaConsumer } from './kafka/resident-changed.kafka.consumer';
export { TeamChangedKafkaConsumer } from './kafka/team-changed.kafka.consumer';
export { CreateRegistryViewTables1732600000000 } from './registry-view.migration';
export { RegistryViewCities1733300000001 } from './registry-view-cities.migration';
export { RegistryViewResidents1733100000001 } from './registry-view-residents.migration';
export { RegistryViewPractitioners1734100000001 } from './registry-view-practitioners.migration';
