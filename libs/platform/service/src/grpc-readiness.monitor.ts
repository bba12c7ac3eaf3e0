import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { GrpcServer } from '@medgrid/grpc';
import { evaluateReadiness, READINESS_CHECKS, type ReadinessCheck } from '@medgrid/health';

const INTERVAL_MS = 5000;

/**
 * Keeps grpc.health.v1 in step with the HTTP readiness probe: a service whose
 * database or broker is unreachable answers NOT_SERVING, so gRPC-aware load
 * balancers and partner health checks see the same truth as Kubernetes.
 */
@Injectable()
export class GrpcReadinessMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly server: GrpcServer,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    const report = await evaluateReadiness(this.checks);
    this.server.setServing(report.ready);
  }
}
