import { Controller, Get, Header, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import { metricsRegistry } from '@medgrid/telemetry';
import { type Response } from 'express';
import { evaluateReadiness, READINESS_CHECKS, type ReadinessCheck } from './readiness';

/**
 * Kubernetes probes and the Prometheus scrape:
 *   GET /health/live   the process is up (no dependency checks, so a slow
 *                      database never gets healthy pods restarted)
 *   GET /health/ready  503 until the database is reachable with current
 *                      migrations and the broker is connected; parts the
 *                      service serves without (a consumer still joining its
 *                      group) are listed with their problem, not gating
 *   GET /metrics       Prometheus text format
 */
@Controller()
export class HealthHttpController {
  constructor(@Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[]) {}

  @Get('health/live')
  @HttpCode(HttpStatus.OK)
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res() response: Response): Promise<void> {
    const report = await evaluateReadiness(this.checks);
    response.status(report.ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
  }

  @Get('metrics')
  @Header('Content-Type', metricsRegistry.contentType)
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
