import { contextDependencies } from '@medgrid/testing';

/**
 * The pharmacy service's bounded contexts, lowest first: a context may import the ones below it,
 * never one above (docs/conventions.md, "A service"). common/ is the service's kernel (institution
 * levels, fen and shares) and imports no context. The group's catalogue stands on its own; an
 * institution's formulary and stock hold catalogue drugs; prescribing checks a prescription against
 * the catalogue; continuity after a downward referral reads the catalogue and the receiving
 * institution's formulary; purchasing buys for the formularies at the catalogue's prices and moves
 * stock. Where a lower context needs something done above it, it owns a port the higher context
 * implements. The demo's activity (demo/) writes through every context below it, so it is the top. config/,
 * database/ and test/ (test support) are not contexts.
 */
const LAYERS = [
  'common',
  'service-info',
  'catalogue',
  'formulary',
  'prescribing',
  'continuity',
  'purchasing',
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
