import { Writable } from 'node:stream';
import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { createLogger } from './create-logger';
import { maskResidentId } from './personal-data';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      callback();
    },
  });
  return { lines, destination };
}

describe(createLogger.name, () => {
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  it('writes JSON lines with the service name and level label', () => {
    const { lines, destination } = capture();
    const sut = createLogger({ service: 'referral', level: 'info', destination });

    sut.info('started');

    expect(lines[0]).toMatchObject({ service: 'referral', level: 'info', message: 'started' });
  });

  it('never writes names, resident IDs or phones in clear, however deep', () => {
    const { lines, destination } = capture();
    const sut = createLogger({ service: 'registry', level: 'info', destination });

    sut.info(
      {
        request: { patientResidentId: '11010519491231002X', name: '张三', contact: { phone: '13800138000' } },
      },
      'registered',
    );

    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('张三');
    expect(text).not.toContain('13800138000');
    expect(text).toContain('[REDACTED]');
  });

  it("logs a failed statement's error without the values it was given", () => {
    const { lines, destination } = capture();
    const sut = createLogger({ service: 'registry', level: 'info', destination });
    // The shape of TypeORM's QueryFailedError for a unique violation.
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "resident_id_uq"'),
      {
        query: 'INSERT INTO resident (resident_id_number, name) VALUES ($1, $2)',
        parameters: ['11010519491231002X', '张三'],
        driverError: {
          code: '23505',
          detail: 'Key (resident_id_number)=(11010519491231002X) already exists.',
        },
        detail: 'Key (resident_id_number)=(11010519491231002X) already exists.',
      },
    );

    sut.error({ err: error }, 'registration failed');

    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('张三');
    expect(lines[0]).toMatchObject({ err: { message: error.message, query: error.query } });
  });

  it('carries the active trace id', () => {
    const { lines, destination } = capture();
    const sut = createLogger({ service: 'referral', level: 'info', destination });
    const spanContext = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
      traceFlags: TraceFlags.SAMPLED,
    };

    context.with(trace.setSpanContext(context.active(), spanContext), () => sut.info('inside a span'));

    expect(lines[0]).toMatchObject({ trace_id: spanContext.traceId, span_id: spanContext.spanId });
  });
});

describe(maskResidentId.name, () => {
  const sut = maskResidentId;

  it('keeps the region and the last three characters only', () => {
    expect(sut('11010519491231002X')).toBe('110105*********02X');
  });
});
