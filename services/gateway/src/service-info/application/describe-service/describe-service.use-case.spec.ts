import { type Identity } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { SchemaStateRepository } from '../../domain/schema-state.repository';
import { type SchemaState } from '../../domain/service-info';
import { DescribeServiceUseCase } from './describe-service.use-case';

class FixedSchemaState extends SchemaStateRepository {
  constructor(private readonly state: SchemaState) {
    super();
  }

  read(): Promise<SchemaState> {
    return Promise.resolve(this.state);
  }
}

describe(DescribeServiceUseCase.name, () => {
  const sut = new DescribeServiceUseCase(
    new FixedSchemaState({ applied: ['First1', 'Second2'], pending: [] }),
  );

  it.each<Identity>([
    anIdentity({ role: 'primary-staff' }),
    anIdentity({ role: 'partner-system' }),
    anIdentity({ role: 'city-operator', institutionId: null, groupId: null }),
  ])('answers every verified caller ($role) with the service, its schema and the caller', async (caller) => {
    expect(await sut.execute(caller)).toEqual({
      service: 'gateway',
      schemaVersion: 'Second2',
      pendingMigrations: [],
      caller,
    });
  });
});
