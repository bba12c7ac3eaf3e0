import { Injectable } from '@nestjs/common';
import { PortalSessionRepository } from '../../domain/portal-session.repository';
import { looksLikeSessionId, sessionIdHash } from '../session-ids';

/** Ends the session of a cookie; signing out of a session that is already gone is not an error. */
@Injectable()
export class SignOutUseCase {
  constructor(private readonly sessions: PortalSessionRepository) {}

  async execute(sessionId: unknown): Promise<void> {
    if (looksLikeSessionId(sessionId)) await this.sessions.delete(sessionIdHash(sessionId));
  }
}
