import { type ChannelCredentials, credentials } from '@grpc/grpc-js';
import { ConfigError, type PlatformConfig } from '@medgrid/config';
import { readFileSync } from 'node:fs';

type Problems = { variable: string; reason: string }[];

/** A variable that needs another one set with it. */
function together(
  problems: Problems,
  config: Record<string, string | undefined>,
  name: string,
  needs: string,
) {
  if (config[name] && !config[needs]) problems.push({ variable: needs, reason: `is required with ${name}` });
}

/**
 * The gRPC server's TLS files, or none for plaintext. The variables go together: a certificate needs its key, and
 * a client CA (mutual TLS) needs the server's own certificate.
 */
export function grpcTls(
  service: string,
  config: Pick<PlatformConfig, 'GRPC_TLS_CERT_FILE' | 'GRPC_TLS_KEY_FILE' | 'GRPC_TLS_CLIENT_CA_FILE'>,
): { certFile: string; keyFile: string; clientCaFile?: string } | undefined {
  const problems: Problems = [];
  together(problems, config, 'GRPC_TLS_CERT_FILE', 'GRPC_TLS_KEY_FILE');
  together(problems, config, 'GRPC_TLS_KEY_FILE', 'GRPC_TLS_CERT_FILE');
  if (config.GRPC_TLS_CLIENT_CA_FILE && !config.GRPC_TLS_CERT_FILE && !config.GRPC_TLS_KEY_FILE)
    problems.push({
      variable: 'GRPC_TLS_CLIENT_CA_FILE',
      reason:
        'needs the server certificate too (GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE): mutual TLS is TLS first',
    });
  if (problems.length) throw new ConfigError(service, problems);
  const {
    GRPC_TLS_CERT_FILE: certFile,
    GRPC_TLS_KEY_FILE: keyFile,
    GRPC_TLS_CLIENT_CA_FILE: clientCaFile,
  } = config;
  return certFile && keyFile ? { certFile, keyFile, ...(clientCaFile ? { clientCaFile } : {}) } : undefined;
}

/**
 * How this service connects to the services it calls: plaintext, or TLS trusting GRPC_CLIENT_TLS_CA_FILE, with the
 * service's own client certificate (GRPC_CLIENT_TLS_CERT_FILE and _KEY_FILE) when the services require mutual TLS.
 */
export function grpcClientCredentials(
  service: string,
  config: Pick<
    PlatformConfig,
    'GRPC_CLIENT_TLS_CA_FILE' | 'GRPC_CLIENT_TLS_CERT_FILE' | 'GRPC_CLIENT_TLS_KEY_FILE'
  >,
): ChannelCredentials {
  const problems: Problems = [];
  together(problems, config, 'GRPC_CLIENT_TLS_CERT_FILE', 'GRPC_CLIENT_TLS_KEY_FILE');
  together(problems, config, 'GRPC_CLIENT_TLS_KEY_FILE', 'GRPC_CLIENT_TLS_CERT_FILE');
  together(problems, config, 'GRPC_CLIENT_TLS_CERT_FILE', 'GRPC_CLIENT_TLS_CA_FILE');
  if (problems.length) throw new ConfigError(service, problems);
  const {
    GRPC_CLIENT_TLS_CA_FILE: ca,
    GRPC_CLIENT_TLS_CERT_FILE: cert,
    GRPC_CLIENT_TLS_KEY_FILE: key,
  } = config;
  if (!ca) return credentials.createInsecure();
  return credentials.createSsl(
    readFileSync(ca),
    key ? readFileSync(key) : null,
    cert ? readFileSync(cert) : null,
  );
}
