import { join } from 'node:path';

/** Folder holding the .proto sources (for gRPC reflection); same depth from src/ and dist/. */
export const PROTO_ROOT = join(__dirname, '..', '..', '..', 'proto');
