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
 * folder yet is skipped (contextFolders tells which exist).
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

/**
 * The folders of `srcDir` that are bounded contexts, sorted: every folder but `notContexts`
 * (configuration, migrations, test support), for a service's dependency test to compare with
 * its list of contexts.
 */
export function contextFolders(srcDir: string, notContexts: readonly string[]): string[] {
  return readdirSync(srcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !notContexts.includes(entry.name))
    .map((entry) => entry.name)
    .sort();
}
