import { readFileSync } from 'node:fs';
import { type Identity, TokenIssuer } from '@medgrid/auth';

/**
 * Mints the short-lived token the gateway sends the services for a user, signed with the key
 * whose public half every service verifies (the issuer, audience and ES256 of
 * @medgrid/auth): the user's subject, role, institution and group as claims. A user's token is
 * reused until half of its life is gone, so the services' verified-token cache sees one token
 * per user, not one per request.
 */
export class ServiceTokens {
  private readonly minted = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly issuer: TokenIssuer,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  static async fromKeyFile(
    path: string,
    issuer: string,
    audience: string,
    ttlSeconds: number,
  ): Promise<ServiceTokens> {
    return new ServiceTokens(
      await TokenIssuer.fromPrivateKeyPem(readFileSync(path, 'utf8'), issuer, audience),
      ttlSeconds,
    );
  }

  async tokenFor(identity: Identity): Promise<string> {
    const key = [identity.subject, identity.role, identity.institutionId, identity.groupId].join('|');
    const now = this.now();
    const cached = this.minted.get(key);
    if (cached && now < cached.renewAt) return cached.token;
    const token = await this.issuer.sign(identity, this.ttlSeconds);
    if (this.minted.size > 10_000) this.minted.clear();
    this.minted.set(key, { token, renewAt: now + (this.ttlSeconds * 1000) / 2 });
    return token;
  }
}
