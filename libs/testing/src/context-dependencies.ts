import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** A relative import or re-export, static or dynamic: `from './x'`, `import('../y')`. */
const RELATIVE_IMPORT = /(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g;

function typeScriptFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Every relative import, in the files of a service's bounded contexts, that reaches a context
 * listed after the importing one: `layers` are the context folders of `srcDir`, lowest first, and
 * a context may import only the ones before it (docs/conventions.md, "A service"). Each is
 * `<file> imports <context>: <specifier>`, the file relative to `srcDir`. A listed context with no
 * folder yet is skipped (contextDependencies tells which are missing).
 */
export function upwardImports(srcDir: string, layers: readonly string[]): string[] {
  const rank = (path: string) => layers.indexOf(relative(srcDir, path).split(sep)[0]!);
  return layers
    .filter((layer) => existsSync(join(srcDir, layer)))
    .flatMap((layer) =>
      typeScriptFilesUnder(join(srcDir, layer)).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)]
          .map((match) => match[1] ?? match[2]!)
          .filter((specifier) => rank(resolve(file, '..', specifier)) > layers.indexOf(layer))
          .map(
            (specifier) =>
              `${relative(srcDir, file)} imports ${relative(srcDir, resolve(file, '..', specifier)).split(sep)[0]}: ${specifier}`,
          ),
      ),
    );
}

/** What a service's dependency test expects empty: see contextDependencies. */
export interface ContextDependencies {
  /** upwardImports: each `<file> imports <context>: <specifier>`. */
  readonly upwardImports: string[];
  /** Folders of `srcDir` that are neither a listed context nor left out: contexts the check would not read. */
  readonly unlistedFolders: string[];
  /** Listed contexts with no folder (yet). */
  readonly missingContexts: string[];
}

/**
 * How a service's bounded contexts depend on each other: `layers` are its context folders,
 * lowest first, `notContexts` the folders that are not contexts (configuration, migrations, test
 * support). A service whose contexts depend one way, all listed, answers three empty lists.
 */
export function contextDependencies(
  srcDir: string,
  layers: readonly string[],
  notContexts: readonly string[],
): ContextDependencies {
  const folders = readdirSync(srcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notContexts.includes(entry.name))
    .map((entry) => entry.name);
  return {
    upwardImports: upwardImports(srcDir, layers),
    unlistedFolders: folders.filter((folder) => !layers.includes(folder)).sort(),
    missingContexts: layers.filter((layer) => !folders.includes(layer)),
  };
}
