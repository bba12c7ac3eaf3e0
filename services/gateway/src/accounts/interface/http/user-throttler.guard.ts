import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { type Request } from 'express';
import { type ResumedSession } from '../../application/resume-session/resume-session.use-case';

/**
 * @nestjs/throttler counted per signed-in user (so a ward's shared address is not one budget),
 * and per client address before sign-in. It runs after the SessionGuard where both apply.
 */
@Injectable()
export class UserThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const portal = request.portal as ResumedSession | undefined;
    if (portal) return Promise.resolve(`user:${portal.user.id}`);
    return Promise.resolve(`ip:${(request as unknown as Request).ip ?? 'unknown'}`);
  }
}
