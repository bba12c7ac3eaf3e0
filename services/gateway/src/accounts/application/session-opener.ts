import { Injectable } from '@nestjs/common';
import { PortalSessionRepository } from '../domain/portal-session.repository';
import { type PortalUser, type PortalUserView, viewOf } from '../domain/portal-user';
import { AccountsSettings } from './accounts-settings';
import { newSessionId, sessionIdHash } from './session-ids';

export interface SignedIn {
  /** The new session's id, for the cookie only. */
  readonly sessionId: string;
  readonly user: PortalUserView;
  readonly expiresAt: Date;
}

/** Where the request came from, kept with the session for the user's own review. */
export interface SignInOrigin {
  readonly userAgent: string | null;
  readonly ipAddress: string | null;
}

/** Opens a session for a user who proved who they are (password or identity provider). */
@Injectable()
export class SessionOpener {
  constructor(
    private readonly sessions: PortalSessionRepository,
    private readonly settings: AccountsSettings,
  ) {}

  async open(user: PortalUser, origin: SignInOrigin, now: Date): Promise<SignedIn> {
    const sessionId = newSessionId();
    const expiresAt = new Date(now.getTime() + this.settings.session.absoluteMs);
    await this.sessions.insert({
      idHash: sessionIdHash(sessionId),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: origin.userAgent?.slice(0, 500) ?? null,
      ipAddress: origin.ipAddress,
    });
    return { sessionId, user: viewOf(user), expiresAt };
  }
}
