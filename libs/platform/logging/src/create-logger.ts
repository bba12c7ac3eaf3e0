import { trace } from '@opentelemetry/api';
import pino, { type Logger, type LoggerOptions } from 'pino';
import { personalDataRedactPaths } from './personal-data';

/**
 * What a database error carries besides its message: the statement's parameters, the driver's
 * error and its DETAIL (e.g. `Key (resident_id_number)=(…) already exists`). Values, not names,
 * so redaction by field name cannot catch them.
 */
const STATEMENT_DATA = ['parameters', 'driverError', 'detail', 'where'] as const;

/** pino's error serializer without the data of the statement that failed. */
function errorWithoutStatementData(error: Error): pino.SerializedError {
  const serialized = pino.stdSerializers.err(error);
  for (const key of STATEMENT_DATA) delete serialized[key];
  return serialized;
}

export interface LoggerSettings {
  service: string;
  level: string;
  /** Destination for tests; stdout otherwise. */
  destination?: pino.DestinationStream;
}

/**
 * Structured JSON logs: one line per event, the service name, and the active
 * trace and span ids so a log line leads to its trace. Personal data is
 * censored by field name, and a failed statement's values never reach an
 * error's log line.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: personalDataRedactPaths(), censor: '[REDACTED]' },
    serializers: { err: errorWithoutStatementData },
    mixin() {
      const span = trace.getActiveSpan();
      if (!span) return {};
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

export type { Logger } from 'pino';
