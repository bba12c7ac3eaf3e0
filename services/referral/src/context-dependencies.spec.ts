import { contextFolders, upwardImports } from '@medgrid/testing';

/**
 * Referral's two bounded contexts depend one way (docs/conventions.md, "A service"): referrals
 * judges every referral against the criteria catalogue, so criteria must never import
 * referrals. What both map to the contracts (the green channel) belongs to criteria.
 */
const LAYERS = ['criteria', 'referrals'] as const;
const NOT_CONTEXTS = ['config', 'database'];

describe(upwardImports.name, () => {
  const sut = upwardImports;

  it('finds none: criteria imports nothing of referrals', () => {
    expect(sut(__dirname, LAYERS)).toEqual([]);
  });
});

describe(contextFolders.name, () => {
  const sut = contextFolders;

  it('finds exactly the contexts listed, so the check reads contexts that exist', () => {
    expect(sut(__dirname, NOT_CONTEXTS)).toEqual([...LAYERS]);
  });
});
