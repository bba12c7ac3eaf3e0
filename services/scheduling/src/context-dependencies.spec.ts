import { contextDependencies } from '@medgrid/testing';

/**
 * Scheduling's bounded contexts, lowest first: a context may import the ones
 * below it, never one above (docs/conventions.md, "A service"). common/ is the
 * service's own kernel (errors, access rules, the registry's view of
 * hospitals) and imports no context. Where a lower context needs something
 * done above it, it owns a port (an abstract class) that the higher context
 * implements: schedules' SessionBookings, booking's ReferralHolds. The demo's
 * activity (demo/) makes schedules, bookings and beds and reads the reports,
 * so it is the top. config/, database/ and test/ (test support) are not contexts.
 */
const LAYERS = ['common', 'capacity', 'schedules', 'booking', 'holds', 'beds', 'reports', 'demo'] as const;

describe(contextDependencies.name, () => {
  const sut = contextDependencies;

  it('finds no import upwards: each context imports only the contexts below it, and every context folder is listed and read', () => {
    expect(sut(__dirname, LAYERS, ['config', 'database', 'test'])).toEqual({
      upwardImports: [],
      unlistedFolders: [],
      missingContexts: [],
    });
  });
});
