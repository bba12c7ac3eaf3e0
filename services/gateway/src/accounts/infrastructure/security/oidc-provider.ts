import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';

export interface OidcSettings {
  readonly issuerUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/** What the browser must bring back to the callback, kept in a short-lived httpOnly cookie. */
export interface OidcAttempt {
  readonly state: string;
  readonly codeVerifier: string;
}

type OpenIdClient = typeof import('openid-client');

/**
 * The city's identity provider through `openid-client` (authorization code flow with PKCE and
 * state). Configured by OIDC_* variables or not at all: unconfigured, every call is
 * OIDC_NOT_CONFIGURED. The provider's metadata is discovered once, on first use.
 */
export class OidcProvider {
  private configuration: Promise<unknown> | null = null;

  constructor(private readonly settings: OidcSettings | null) {}

  get configured(): boolean {
    return this.settings !== null;
  }

  async begin(): Promise<{ url: string; attempt: OidcAttempt }> {
    const { client, config, settings } = await this.ready();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const url = client.buildAuthorizationUrl(config as never, {
      redirect_uri: settings.redirectUri,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    return { url: url.href, attempt: { state, codeVerifier } };
  }

  /** The subject the provider vouches for, from the callback's URL and the attempt it answers. */
  async finish(callbackUrl: URL, attempt: OidcAttempt): Promise<string> {
    const { client, config } = await this.ready();
    try {
      const tokens = await client.authorizationCodeGrant(config as never, callbackUrl, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
      });
      const subject = tokens.claims()?.sub;
      if (!subject) throw new Error('no subject in the ID token');
      return subject;
    } catch (error) {
      throw new AccountsError(
        AccountsErrorCode.OidcFailed,
        `OIDC sign-in failed: ${(error as Error).message}`,
      );
    }
  }

  private async ready(): Promise<{ client: OpenIdClient; config: unknown; settings: OidcSettings }> {
    const settings = this.settings;
    if (!settings) throw new AccountsError(AccountsErrorCode.OidcNotConfigured, 'OIDC is not configured');
    const client = await import('openid-client');
    this.configuration ??= client
      .discovery(new URL(settings.issuerUrl), settings.clientId, settings.clientSecret)
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return { client, config: await this.configuration, settings };
  }
}
