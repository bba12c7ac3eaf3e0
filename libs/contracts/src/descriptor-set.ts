import { join } from 'node:path';

/**
 * The contracts' FileDescriptorSet (written by `npm run proto:gen` with
 * `buf build`): real file names and imports, so gRPC reflection can hand a
 * client every file a service needs, well-known types included. The path is
 * the same from src/ and dist/.
 */
export const DESCRIPTOR_SET_PATH = join(__dirname, '..', 'descriptors', 'medgrid.binpb');
