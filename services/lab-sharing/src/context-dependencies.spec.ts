import { contextDependencies } from '@medgrid/testing';

/**
 * Lab-sharing's bounded contexts, lowest first: a context may import the ones below it, never one above
 * (docs/conventions.md, "A service"). common/ is the service's kernel (exam kinds, urgency, data classes) and
 * imports no context. Centres and the recognition catalogue stand on their own; orders are placed at a centre for
 * an item of the catalogue; reporting works the orders of a centre; the result registry keeps what reporting signs
 * (and what partners send) and answers recognition's look-ups through a port recognition owns. The demo's
 * activity (demo/) writes through the centres, the result registry and recognition, so it is the top. config/,
 * database/ and test/ (test support) are not contexts.
 */
const LAYERS = [
  'common',
  'service-info',
  'centres',
  'recognition',
  'orders',
  'reporting',
  'results',
  'demo',
] as const;

describe(contextDependencies.name, () => {
  const sut = contextDependencies;

  it('finds no import upwards: each context imports only the contexts below it, and every context folder is listed (some contexts are not written yet)', () => {
    expect(sut(__dirname, LAYERS, ['config', 'database', 'test'])).toMatchObject({
      upwardImports: [],
      unlistedFolders: [],
    });
  });
});
