// Types of service-images.js for the TypeScript that uses it (the service generator in tools/generators).
import { type ServiceEntry } from './service-charts';

/** A workspace package: its folder from the repository root and its package.json. */
export interface WorkspacePackage {
  dir: string;
  manifest: Record<string, unknown>;
}

/** The pinned base image of every stage (tag and digest). */
export const NODE_IMAGE: string;
/** The runtime stage's USER: the base image's node user, numeric. */
export const USER: string;
/** The image's working directory, the monorepo root the charts' commands run from. */
export const WORKDIR: string;
/**
 * The npm workspace's packages by name. `read(path)` answers a file's text or null, `children(dir)` the
 * names in a folder (an Nx Tree's read and children will do).
 */
export function workspacePackages(
  read: (path: string) => string | null,
  children: (dir: string) => string[],
): Map<string, WorkspacePackage>;
export function readWorkspace(repo: string): Map<string, WorkspacePackage>;
/** The Dockerfile of a service, from the template and the workspace packages it needs. */
export function dockerfile(service: ServiceEntry, packages: Map<string, WorkspacePackage>): string;
/** Every service's Dockerfile, by path from the repository root (services/<name>/Dockerfile). */
export function serviceDockerfiles(
  services: ServiceEntry[],
  packages: Map<string, WorkspacePackage>,
): Record<string, string>;
/** Writes every service's Dockerfile, or (check) lists what differs from what would be written. */
export function syncServiceImages(repo: string, options: { check: boolean }): string[];
