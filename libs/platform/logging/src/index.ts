export { createLogger, type Logger, type LoggerSettings } from './create-logger';
export { NestLoggerAdapter } from './nest-logger.adapter';
export { maskResidentId, PERSONAL_DATA_KEYS, personalDataRedactPaths } from './personal-data';
export { LOGGER, LoggingModule } from './logging.module';
