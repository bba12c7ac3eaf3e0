import { contextFolders, upwardImports } from '@medgrid/testing';

/**
 * Scheduling's bounded contexts, lowest first: a context may import the ones
 * below it, never one above (docs/conventions.md, "A service"). common/ is the
 * service's own kernel (errors, access rules, the registry's view of
 * hospitals) and imports no context. Where a lower context needs something
 * done above it, it owns a port (an abstract class) that the higher context
 * implements: schedules' SessionBookings, booking's ReferralHolds. config/,
 * database/ and test/ (test support) are not contexts.
 */
const LAYERS = ['common', 'capacity', 'schedules', 'booking', 'holds', 'beds', 'reports'] as const;
const NOT_CONTEXTS = ['config', 'database', 'test'];

describe(upwardImports.name, () => {
  const sut = upwardImports;

  it('finds none: each context imports only the contexts below it', () => {
    expect(sut(__dirname, LAYERS)).toEqual([]);
  });
});

describe(contextFolders.name, () => {
  const sut = contextFolders;

  it('finds exactly the contexts listed: every one is read', () => {
    expect(sut(__dirname, NOT_CONTEXTS)).toEqual([...LAYERS].sort());
  });
});
