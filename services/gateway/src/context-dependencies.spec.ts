import { contextDependencies } from '@medgrid/testing';

/**
 * The gateway service's bounded contexts, lowest first: a context may import the ones below it,
 * never one above (docs/conventions.md, "A service"). List each new context where it stands, and
 * where a lower context needs something done above it, let it own a port that the higher context
 * implements. config/, database/ and test/ (test support) are not contexts.
 */
const LAYERS = ['service-info', 'accounts', 'portal', 'administration'] as const;

describe(contextDependencies.name, () => {
  const sut = contextDependencies;

  it('finds no import upwards: each context imports only the contexts below it, and every context folder is listed and read', () => {
    expect(sut(__dirname, LAYERS, ['common', 'config', 'database', 'test'])).toEqual({
      upwardImports: [],
      unlistedFolders: [],
      missingContexts: [],
    });
  });
});
