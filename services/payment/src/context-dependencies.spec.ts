import { contextDependencies } from '@medgrid/testing';

/**
 * The payment service's bounded contexts, lowest first: a context may import the ones below it,
 * never one above (docs/conventions.md, "A service"). common/ is the service's kernel (money in fen,
 * shares, effective dates, schemes and levels) and imports no context. A resident's enrolment (coverage) and the
 * versioned rule tables stand on their own; claims are adjudicated by the enrolment and the rules;
 * budgets (capitation, global budgets) are set for groups and their residents; settlement weighs a
 * period's adjudicated claims against its budgets; the quick start's demo loader writes through all of them.
 * Where a lower context needs something done above it, it owns a port that the higher context implements.
 * config/, database/ and test/ (test support) are not contexts.
 */
const LAYERS = [
  'common',
  'service-info',
  'enrolment',
  'rules',
  'claims',
  'budgets',
  'settlement',
  'demo',
] as const;

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
