import { contextDependencies } from '@medgrid/testing';

/**
 * Registry's bounded contexts, lowest first: a context may import the ones below it, never one
 * above (docs/conventions.md, "A service"). common/ is the service's kernel and imports no
 * context. Practitioners and teams work at institutions (organisation); residents sign
 * contracts with those teams (workforce); the CSV import and the demo city write through all
 * three. config/, database/ and test/ (test support) are not contexts.
 */
const LAYERS = ['common', 'organisation', 'workforce', 'residents', 'imports', 'demo'] as const;

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
