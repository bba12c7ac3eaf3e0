import { contextFolders, upwardImports } from '@medgrid/testing';

/**
 * Registry's bounded contexts, lowest first: a context may import the ones below it, never one
 * above (docs/conventions.md, "A service"). common/ is the service's kernel and imports no
 * context. Practitioners and teams work at institutions (organisation); residents sign
 * contracts with those teams (workforce); the CSV import and the demo city write through all
 * three. config/, database/ and test/ (test support) are not contexts.
 */
const LAYERS = ['common', 'organisation', 'workforce', 'residents', 'imports', 'demo'] as const;
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
