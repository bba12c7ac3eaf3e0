import { contextDependencies } from '@medgrid/testing';

/**
 * Referral's two bounded contexts depend one way (docs/conventions.md, "A service"): referrals
 * judges every referral against the criteria catalogue, so criteria must never import
 * referrals. What both map to the contracts (the green channel) belongs to criteria.
 */
const LAYERS = ['criteria', 'referrals'] as const;

describe(contextDependencies.name, () => {
  const sut = contextDependencies;

  it('finds no import upwards: criteria imports nothing of referrals, and both contexts are there to read', () => {
    expect(sut(__dirname, LAYERS, ['config', 'database'])).toEqual({
      upwardImports: [],
      unlistedFolders: [],
      missingContexts: [],
    });
  });
});
