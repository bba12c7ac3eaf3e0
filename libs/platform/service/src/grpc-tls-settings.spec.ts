import { ConfigError } from '@medgrid/config';
import { grpcClientCredentials, grpcTls } from './grpc-tls-settings';

const problemsOf = (attempt: () => unknown) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.variable);
    throw error;
  }
  throw new Error('no ConfigError');
};

describe(grpcTls.name, () => {
  it('is plaintext without files, TLS with a certificate and its key, mutual TLS with a client CA too', () => {
    expect(grpcTls('referral', {})).toBeUndefined();
    expect(grpcTls('referral', { GRPC_TLS_CERT_FILE: 'c.pem', GRPC_TLS_KEY_FILE: 'k.pem' })).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    expect(
      grpcTls('referral', {
        GRPC_TLS_CERT_FILE: 'c.pem',
        GRPC_TLS_KEY_FILE: 'k.pem',
        GRPC_TLS_CLIENT_CA_FILE: 'ca.pem',
      }),
    ).toEqual({ certFile: 'c.pem', keyFile: 'k.pem', clientCaFile: 'ca.pem' });
  });

  it('names the variable missing from a pair, and a client CA without a server certificate', () => {
    expect(problemsOf(() => grpcTls('referral', { GRPC_TLS_CERT_FILE: 'c.pem' }))).toEqual([
      'GRPC_TLS_KEY_FILE',
    ]);
    expect(problemsOf(() => grpcTls('referral', { GRPC_TLS_KEY_FILE: 'k.pem' }))).toEqual([
      'GRPC_TLS_CERT_FILE',
    ]);
    expect(problemsOf(() => grpcTls('referral', { GRPC_TLS_CLIENT_CA_FILE: 'ca.pem' }))).toEqual([
      'GRPC_TLS_CLIENT_CA_FILE',
    ]);
  });
});

describe(grpcClientCredentials.name, () => {
  it('is plaintext without a CA', () => {
    expect(grpcClientCredentials('gateway', {})._isSecure()).toBe(false);
  });

  it('names what a client certificate needs with it: its key and the CA that verifies the services', () => {
    expect(
      problemsOf(() => grpcClientCredentials('gateway', { GRPC_CLIENT_TLS_CERT_FILE: 'c.pem' })),
    ).toEqual(['GRPC_CLIENT_TLS_KEY_FILE', 'GRPC_CLIENT_TLS_CA_FILE']);
    expect(problemsOf(() => grpcClientCredentials('gateway', { GRPC_CLIENT_TLS_KEY_FILE: 'k.pem' }))).toEqual(
      ['GRPC_CLIENT_TLS_CERT_FILE'],
    );
  });
});
