import { anIdentity } from '@medgrid/testing';
import { describeService } from './service-info';

describe(describeService.name, () => {
  const sut = describeService;
  const caller = anIdentity({ role: 'hospital-staff' });

  it('reports the last applied migration as the schema version and what is still pending', () => {
    const info = sut('gateway', { applied: ['First1', 'Second2'], pending: ['Third3'] }, caller);

    expect(info).toEqual({
      service: 'gateway',
      schemaVersion: 'Second2',
      pendingMigrations: ['Third3'],
      caller,
    });
  });

  it('reports an empty schema version before the first migration', () => {
    const info = sut('gateway', { applied: [], pending: ['First1'] }, caller);

    expect(info.schemaVersion).toBe('');
    expect(info.pendingMigrations).toEqual(['First1']);
  });
});
