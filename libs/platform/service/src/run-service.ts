import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type PlatformConfig } from '@medgrid/config';
import { createLogger, type Logger, NestLoggerAdapter } from '@medgrid/logging';
import { setMetricsServiceLabel, shutdownTelemetry } from '@medgrid/telemetry';
import { PlatformModule, type ServiceDefinition } from './platform.module';

/**
 * Starts a service: validated config (a bad variable stops the boot naming
 * it), JSON logger, the Nest app with its HTTP port, then gRPC, the outbox
 * relay and the consumer. SIGTERM closes everything in reverse order: stop
 * taking calls, leave the consumer group, finish the relay batch, close the
 * pool, flush spans.
 */
export async function runService<C extends PlatformConfig>(
  name: string,
  loadConfig: () => C,
  define: (config: C, logger: Logger) => Omit<ServiceDefinition<C>, 'name' | 'config' | 'logger'>,
): Promise<INestApplication> {
  let logger: Logger | undefined;
  try {
    const config = loadConfig();
    logger = createLogger({ service: name, level: config.LOG_LEVEL });
    setMetricsServiceLabel(name);
    const definition = define(config, logger);
    const module = PlatformModule.forService({ name, config, logger, ...definition });
    const app = await NestFactory.create(module, { logger: new NestLoggerAdapter(logger) });
    await definition.configureHttp?.(app);
    await app.listen(config.HTTP_PORT, config.HTTP_HOST);
    logger.info({ httpPort: config.HTTP_PORT, grpcPort: config.GRPC_PORT }, `${name} service started`);
    const log = logger;
    const stop = async (signal: string) => {
      log.info({ signal }, 'shutting down');
      await app.close();
      await shutdownTelemetry();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
    return app;
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (logger) logger.fatal({ err: error }, `${name} failed to start`);
    process.stderr.write(`${name} failed to start: ${text}\n`);
    process.exit(1);
  }
}
