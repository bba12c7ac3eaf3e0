import { trace } from '@opentelemetry/api';
import pino, { type Logger, type LoggerOptions } from 'pino';
import { personalDataRedactPaths } from './personal-data';

export interface LoggerSettings {
  service: string;
  level: string;
  /** Destination for tests; stdout otherwise. */
  destination?: pino.DestinationStream;
}

/**
 * Structured JSON logs: one line per event, the service name, and the active
 * trace and span ids so a log line leads to its trace. Personal data is
 * censored by field name.
 */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'message',
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: personalDataRedactPaths(), censor: '[REDACTED]' },
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
