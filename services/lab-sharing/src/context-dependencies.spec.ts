import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Lab-sharing's bounded contexts, lowest first: a context may import the ones below it, never one above
 * (docs/conventions.md, "A service"). common/ is the service's kernel (exam kinds, urgency, data classes) and
 * imports no context. Centres and the recognition catalogue stand on their own; orders are placed at a centre for
 * an item of the catalogue; reporting works the orders of a centre; the result registry keeps what reporting signs
 * (and what partners send) and answers recognition's look-ups through a port recognition owns. config/,
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
] as const;
type Layer = (typeof LAYERS)[number];

const SRC = __dirname;
const IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const layerOf = (path: string): Layer | null => {
  const top = relative(SRC, path).split(sep)[0] as Layer;
  return LAYERS.includes(top) ? top : null;
};

/** Every relative import that crosses into a context above the importing one. */
function upwardImports(): string[] {
  const found: string[] = [];
  for (const layer of LAYERS) {
    let files: string[];
    try {
      files = filesUnder(join(SRC, layer));
    } catch {
      continue; // a context not written yet
    }
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = layerOf(resolve(file, '..', match[1] ?? match[2]!));
        if (target && target !== layer && LAYERS.indexOf(target) > LAYERS.indexOf(layer)) {
          found.push(`${relative(SRC, file)} imports ${target}: ${match[1] ?? match[2]}`);
        }
      }
    }
  }
  return found;
}

describe('lab-sharing context dependencies', () => {
  it('point one way: each context imports only the contexts below it', () => {
    expect(upwardImports()).toEqual([]);
  });

  it('knows every context folder', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !['config', 'database', 'test'].includes(entry.name))
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !(LAYERS as readonly string[]).includes(folder))).toEqual([]);
  });
});
