import { type Metadata } from '@grpc/grpc-js';

/**
 * Why the caller reads personal or clinical data, from the `x-purpose`
 * metadata, for the audit trail; undefined when absent or blank (each
 * service applies its own default).
 */
export function readPurpose(metadata: Metadata): string | undefined {
  const value = metadata.get('x-purpose')[0];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
