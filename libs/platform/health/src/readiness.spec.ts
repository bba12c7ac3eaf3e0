import { evaluateReadiness } from './readiness';

describe(evaluateReadiness.name, () => {
  const sut = evaluateReadiness;

  it('is ready only when every check passes', async () => {
    const report = await sut([
      { name: 'database', check: () => Promise.resolve(null) },
      { name: 'kafka', check: () => Promise.resolve('producer is not connected') },
    ]);

    expect(report).toEqual({
      ready: false,
      checks: { database: { ok: true }, kafka: { ok: false, problem: 'producer is not connected' } },
    });
  });

  it('treats a check that hangs or throws as not ready', async () => {
    const report = await sut(
      [
        { name: 'slow', check: () => new Promise(() => undefined) },
        { name: 'broken', check: () => Promise.reject(new Error('ECONNREFUSED')) },
      ],
      50,
    );

    expect(report.ready).toBe(false);
    expect(report.checks.slow!.problem).toMatch(/no answer/);
    expect(report.checks.broken!.problem).toBe('ECONNREFUSED');
  });

  it('reports a check that is not required with its problem, and stays ready', async () => {
    const report = await sut([
      { name: 'database', check: () => Promise.resolve(null) },
      {
        name: 'consumer',
        required: false,
        check: () => Promise.resolve('joining consumer group scheduling'),
      },
    ]);

    expect(report).toEqual({
      ready: true,
      checks: {
        database: { ok: true },
        consumer: { ok: false, problem: 'joining consumer group scheduling', required: false },
      },
    });
  });
});
