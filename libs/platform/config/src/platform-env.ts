import { z } from 'zod';
import { flag, hostPortList, logLevel, port, postgresUrl } from './env-fields';

export interface PlatformDefaults {
  grpcPort: number;
  httpPort: number;
}

/**
 * The variables every MedGrid service reads. Local defaults make the quick
 * start work with the project-started PostgreSQL and Kafka; DATABASE_URL has
 * no default because it carries a credential.
 */
export function platformEnv(defaults: PlatformDefaults) {
  return z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    GRPC_HOST: z.string().min(1).default('127.0.0.1'),
    GRPC_PORT: port(defaults.grpcPort),
    /**
     * PEM files of the gRPC server's certificate chain and key: TLS instead of plaintext. With GRPC_TLS_CLIENT_CA_FILE
     * too, mutual TLS: every client presents a certificate that CA issued, naming its institution (or a platform
     * component) in its subjectAltName, and every call's token must act for that institution.
     */
    GRPC_TLS_CERT_FILE: z.string().min(1).optional(),
    GRPC_TLS_KEY_FILE: z.string().min(1).optional(),
    GRPC_TLS_CLIENT_CA_FILE: z.string().min(1).optional(),
    /**
     * When this service calls others over gRPC (the gateway): TLS trusting this CA (PEM), and with the certificate
     * and key too, the client certificate services under mutual TLS require.
     */
    GRPC_CLIENT_TLS_CA_FILE: z.string().min(1).optional(),
    GRPC_CLIENT_TLS_CERT_FILE: z.string().min(1).optional(),
    GRPC_CLIENT_TLS_KEY_FILE: z.string().min(1).optional(),
    HTTP_HOST: z.string().min(1).default('127.0.0.1'),
    HTTP_PORT: port(defaults.httpPort),
    DATABASE_URL: postgresUrl,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    KAFKA_BROKERS: hostPortList('127.0.0.1:19092'),
    KAFKA_CLIENT_ID: z.string().min(1).optional(),
    /** Consumer group; defaults to the service name (override for isolated test runs). */
    KAFKA_CONSUMER_GROUP: z.string().min(1).optional(),
    OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
    /** The relay's poll while it listens for the outbox's notifications (every write notifies): a safety net. */
    OUTBOX_LISTENING_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
    OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
    /**
     * Tries of a failing event before its dead-letter topic. A retryable failure is most often a fact another topic
     * has not brought yet (an institution the registry announces a moment after a referral names it): ten tries wait
     * about 26 s in all (200 ms doubling, at most 5 s apart) before the event is parked.
     */
    CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Partitions whose events are applied at the same time (order is kept within each partition):
     * a projection rebuilt from a compacted topic's beginning is otherwise one transaction at a time.
     */
    CONSUMER_PARTITIONS_CONCURRENTLY: z.coerce.number().int().min(1).max(64).default(4),
    /**
     * The most events of a partition applied in one transaction: a run of what one fetch brought shares its begin,
     * inbox insert and commit. A consumer that keeps up fetches a few events at a time; one that falls behind fetches
     * more, so its runs grow when it is busiest. A failing event is retried alone.
     */
    CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(32),
    AUTH_PUBLIC_KEY_FILE: z
      .string({ error: 'is required (path to the token issuer public key, PEM)' })
      .min(1),
    AUTH_ISSUER: z.string().min(1).default('medgrid-dev-issuer'),
    AUTH_AUDIENCE: z.string().min(1).default('medgrid'),
    LOG_LEVEL: logLevel,
    LOG_PRETTY: flag(false),
    OTEL_TRACES_EXPORTER: z.enum(['otlp', 'console', 'none']).default('none'),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  });
}

export type PlatformConfig = z.infer<ReturnType<typeof platformEnv>>;
