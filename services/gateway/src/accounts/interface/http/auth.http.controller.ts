import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import { type Request, type Response } from 'express';
import {
  csrfCookieName,
  secureCookies,
  sessionCookieName,
  sessionCookieOptions,
  sessionIdOf,
} from '../../../common/http-cookies';
import { type ResumedSession } from '../../application/resume-session/resume-session.use-case';
import { SignInCommand } from '../../application/sign-in/sign-in.command';
import { SignInUseCase } from '../../application/sign-in/sign-in.use-case';
import { SignOutUseCase } from '../../application/sign-out/sign-out.use-case';
import { CsrfTokens } from '../../infrastructure/security/csrf-tokens';
import { AccountsSettings } from '../../application/accounts-settings';
import { ApiErrorDto, CsrfTokenDto, SessionDto, SignedInDto, SignInRequestDto } from './auth.dto';
import { CsrfGuard } from './csrf.guard';
import { SessionGuard, type SignedInRequest } from './session.guard';
import { UserThrottlerGuard } from './user-throttler.guard';

/** Sign-in, the session, its CSRF token and sign-out. */
@ApiTags('auth')
@Controller('api/auth')
export class AuthHttpController {
  constructor(
    private readonly signIn: SignInUseCase,
    private readonly signOut: SignOutUseCase,
    private readonly csrf: CsrfTokens,
    private readonly settings: AccountsSettings,
  ) {}

  /**
   * No CSRF token is asked of a sign-in (there is no session to bind it to yet); a forged one
   * could only sign the browser into the forger's account, which the SameSite=Strict session
   * cookie it would need already prevents.
   */
  @Post('sign-in')
  @HttpCode(200)
  @UseGuards(UserThrottlerGuard)
  @Throttle({ default: { limit: 20, ttl: 60_000 } })
  @ApiOperation({ summary: 'Signs in with a username and password; sets the session and CSRF cookies' })
  @ApiBody({ type: SignInRequestDto })
  @ApiOkResponse({ type: SignedInDto })
  @ApiResponse({ status: 400, type: ApiErrorDto, description: 'A field is missing or too long' })
  @ApiResponse({
    status: 401,
    type: ApiErrorDto,
    description: 'SIGN_IN_FAILED: one answer for every refusal',
  })
  async signInWithPassword(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedInDto> {
    const signedIn = await this.signIn.execute(SignInCommand.from(body), {
      userAgent: request.get('user-agent') ?? null,
      ipAddress: request.ip ?? null,
    });
    const secure = secureCookies(request, this.settings.cookieSecurity);
    response.cookie(
      sessionCookieName(secure),
      signedIn.sessionId,
      sessionCookieOptions(secure, signedIn.expiresAt),
    );
    // The CSRF token is bound to the new session, which this request did not carry yet.
    request.cookies = { ...(request.cookies as object), [sessionCookieName(secure)]: signedIn.sessionId };
    return {
      user: signedIn.user,
      endsAt: signedIn.expiresAt.toISOString(),
      csrfToken: this.csrf.issue(request, response, secure),
    };
  }

  @Get('session')
  @UseGuards(SessionGuard, UserThrottlerGuard)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in user and when the session ends' })
  @ApiOkResponse({ type: SessionDto })
  @ApiResponse({ status: 401, type: ApiErrorDto })
  session(@Req() request: SignedInRequest): SessionDto {
    return sessionDto(request.portal);
  }

  @Get('csrf')
  @UseGuards(SessionGuard, UserThrottlerGuard)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'A fresh CSRF token for the session (after a reload, say); also set as a cookie' })
  @ApiOkResponse({ type: CsrfTokenDto })
  csrfToken(@Req() request: SignedInRequest, @Res({ passthrough: true }) response: Response): CsrfTokenDto {
    return {
      csrfToken: this.csrf.issue(request, response, secureCookies(request, this.settings.cookieSecurity)),
    };
  }

  @Post('sign-out')
  @HttpCode(204)
  @UseGuards(UserThrottlerGuard, CsrfGuard)
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Ends the session and clears its cookies (needs the X-CSRF-Token header)' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 403, type: ApiErrorDto, description: 'CSRF_INVALID' })
  async signOutOfSession(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.signOut.execute(sessionIdOf(request));
    for (const secure of [true, false]) {
      response.clearCookie(sessionCookieName(secure), sessionCookieOptions(secure, null));
      response.clearCookie(csrfCookieName(secure), { path: '/', secure, sameSite: 'strict' });
    }
  }
}

export function sessionDto(portal: ResumedSession): SessionDto {
  return { user: portal.user, endsAt: portal.endsAt.toISOString() };
}
