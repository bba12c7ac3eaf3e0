import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type Request } from 'express';
import { sessionIdOf } from '../../../common/http-cookies';
import {
  ResumeSessionUseCase,
  type ResumedSession,
} from '../../application/resume-session/resume-session.use-case';

/** A request whose session the SessionGuard resumed. */
export type SignedInRequest = Request & { portal: ResumedSession };

/** Lets a request through only with a live session; its user is then `request.portal.user`. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly resume: ResumeSessionUseCase) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { portal?: ResumedSession }>();
    request.portal = await this.resume.execute(sessionIdOf(request));
    return true;
  }
}
