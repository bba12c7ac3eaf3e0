import { Injectable } from '@nestjs/common';
import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';
import { needsTouch, sessionEndsAt, sessionStanding } from '../../domain/portal-session';
import { PortalSessionRepository } from '../../domain/portal-session.repository';
import { type PortalUserView, viewOf } from '../../domain/portal-user';
import { AccountsSettings } from '../accounts-settings';
import { looksLikeSessionId, sessionIdHash } from '../session-ids';

export interface ResumedSession {
  readonly user: PortalUserView;
  /** When the session ends unless it is used again. */
  readonly endsAt: Date;
}

/**
 * The user of a request's session cookie. A missing, malformed, unknown, idle or expired
 * session, or one of a disabled account, is NOT_SIGNED_IN; a session found over is deleted.
 */
@Injectable()
export class ResumeSessionUseCase {
  constructor(
    private readonly sessions: PortalSessionRepository,
    private readonly settings: AccountsSettings,
  ) {}

  async execute(sessionId: unknown, now = new Date()): Promise<ResumedSession> {
    if (!looksLikeSessionId(sessionId)) throw notSignedIn();
    const idHash = sessionIdHash(sessionId);
    const found = await this.sessions.withUser(idHash);
    if (!found) throw notSignedIn();
    const { session, user } = found;
    if (user.disabled || sessionStanding(session, now, this.settings.session) !== 'active') {
      await this.sessions.delete(idHash);
      throw notSignedIn();
    }
    let lastSeenAt = session.lastSeenAt;
    if (needsTouch(session, now)) {
      await this.sessions.touch(idHash, now);
      lastSeenAt = now;
    }
    return {
      user: viewOf(user),
      endsAt: sessionEndsAt({ lastSeenAt, expiresAt: session.expiresAt }, this.settings.session),
    };
  }
}

function notSignedIn(): AccountsError {
  return new AccountsError(AccountsErrorCode.NotSignedIn, 'not signed in');
}
