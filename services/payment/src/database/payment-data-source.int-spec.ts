import { schemaCheck } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { paymentDataSource } from './payment-data-source';

describe(paymentDataSource.name, () => {
  const sut = paymentDataSource;

  it('migrates a fresh database to exactly what its entities describe, with an entity for every table', async () => {
    const schema = await MigratedTestDatabase.inspect(
      'payment_data_source',
      (url) => sut(url, 1),
      schemaCheck,
    );

    expect(schema).toMatchObject({ drift: [], unmapped: [] });
    expect(schema.mapped).toEqual(
      expect.arrayContaining([
        'coverage_spell',
        'coverage_load',
        'reimbursement_table',
        'reimbursement_table_version',
        'claim',
        'claim_version',
        'capitation_schedule_version',
        'global_budget',
        'settlement_rules_version',
        'settlement_run',
        'settlement_claim',
        'ledger_entry',
      ]),
    );
  });
});
