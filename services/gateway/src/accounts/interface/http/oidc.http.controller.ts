import { Controller, Get, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { secureCookies, sessionCookieName, sessionCookieOptions } from '../../../common/http-cookies';
import { AccountsSettings } from '../../application/accounts-settings';
import { SignInWithOidcUseCase } from '../../application/sign-in-with-oidc/sign-in-with-oidc.use-case';
import { AccountsError, AccountsErrorCode } from '../../domain/accounts-error';
import { type OidcAttempt, OidcProvider } from '../../infrastructure/security/oidc-provider';
import { ApiErrorDto } from './auth.dto';
import { UserThrottlerGuard } from './user-throttler.guard';

const ATTEMPT_COOKIE = 'medgrid_oidc';

/** Sign-in through the city's identity provider, when the deployment configures one. */
@ApiTags('auth')
@Controller('api/auth/oidc')
@UseGuards(UserThrottlerGuard)
export class OidcHttpController {
  constructor(
    private readonly provider: OidcProvider,
    private readonly signIn: SignInWithOidcUseCase,
    private readonly settings: AccountsSettings,
  ) {}

  @Get('login')
  @ApiOperation({ summary: 'Sends the browser to the identity provider (OIDC code flow with PKCE)' })
  @ApiResponse({ status: 302, description: 'To the provider' })
  @ApiResponse({ status: 501, type: ApiErrorDto, description: 'OIDC_NOT_CONFIGURED' })
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    const { url, attempt } = await this.provider.begin();
    // Lax, not Strict: the provider's redirect back is a cross-site navigation, and the cookie must come with it.
    response.cookie(ATTEMPT_COOKIE, JSON.stringify(attempt), {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies(request, this.settings.cookieSecurity),
      path: '/api/auth/oidc',
      maxAge: 10 * 60_000,
    });
    response.redirect(302, url);
  }

  @Get('callback')
  @ApiOperation({ summary: "The provider's redirect back: opens a session for the linked account" })
  @ApiResponse({ status: 200, description: 'A page that moves on to the portal' })
  @ApiResponse({ status: 401, type: ApiErrorDto, description: 'OIDC_FAILED' })
  @ApiResponse({ status: 501, type: ApiErrorDto, description: 'OIDC_NOT_CONFIGURED' })
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.provider.configured)
      throw new AccountsError(AccountsErrorCode.OidcNotConfigured, 'OIDC is not configured');
    const attempt = attemptOf((request.cookies as Record<string, unknown> | undefined)?.[ATTEMPT_COOKIE]);
    response.clearCookie(ATTEMPT_COOKIE, { path: '/api/auth/oidc' });
    const url = new URL(request.originalUrl, `${request.protocol}://${request.get('host') ?? 'localhost'}`);
    const subject = await this.provider.finish(url, attempt);
    const signedIn = await this.signIn.execute(subject, {
      userAgent: request.get('user-agent') ?? null,
      ipAddress: request.ip ?? null,
    });
    const secure = secureCookies(request, this.settings.cookieSecurity);
    response.cookie(
      sessionCookieName(secure),
      signedIn.sessionId,
      sessionCookieOptions(secure, signedIn.expiresAt),
    );
    // A page rather than a redirect: a navigation the portal's own page starts is same-site, so
    // the SameSite=Strict session cookie goes with it (after a cross-site redirect chain it would not).
    response
      .status(200)
      .type('html')
      .send('<!doctype html><meta http-equiv="refresh" content="0;url=/"><a href="/">MedGrid</a>');
  }
}

function attemptOf(value: unknown): OidcAttempt {
  try {
    const parsed = JSON.parse(String(value)) as Partial<OidcAttempt>;
    if (typeof parsed.state === 'string' && typeof parsed.codeVerifier === 'string') {
      return { state: parsed.state, codeVerifier: parsed.codeVerifier };
    }
  } catch {
    // fall through: no attempt
  }
  throw new AccountsError(AccountsErrorCode.OidcFailed, 'no OIDC sign-in was started in this browser');
}
