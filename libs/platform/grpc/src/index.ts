export { type CallContext, type UnaryHandlers } from './call-context';
export { CallGuard } from './call-guard';
export {
  admitCertificate,
  type CertificateHolder,
  certificateHolder,
  INSTITUTION_URI_PREFIX,
  PLATFORM_URI_PREFIX,
} from './client-certificate';
export { GrpcServer, type GrpcServerSettings } from './grpc-server';
export { readPurpose } from './read-purpose';
export { DEFAULT_REQUEST_LIMIT_BYTES, type RequestLimits } from './request-decoding';
export {
  type GrpcController,
  GrpcModule,
  type GrpcModuleOptions,
  type GrpcModuleSettings,
  GRPC_SETTINGS,
} from './grpc.module';
export {
  decodeErrorDetails,
  type DecodedErrorDetails,
  grpcCodeFor,
  statusForError,
} from './status-for-error';
