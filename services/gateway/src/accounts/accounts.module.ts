import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { SERVICE_CONFIG } from '@medgrid/service';
import { type GatewayConfig, oidcSettings } from '../config/gateway.config';
import { AccountsSettings } from './application/accounts-settings';
import { CreateAccountUseCase } from './application/create-account/create-account.use-case';
import { ResumeSessionUseCase } from './application/resume-session/resume-session.use-case';
import { SessionOpener } from './application/session-opener';
import { SignInUseCase } from './application/sign-in/sign-in.use-case';
import { SignInWithOidcUseCase } from './application/sign-in-with-oidc/sign-in-with-oidc.use-case';
import { SignOutUseCase } from './application/sign-out/sign-out.use-case';
import { PasswordHasher } from './domain/password-hasher';
import { PortalSessionRepository } from './domain/portal-session.repository';
import { PortalUserRepository } from './domain/portal-user.repository';
import { PortalSessionTypeormRepository } from './infrastructure/persistence/portal-session.typeorm-repository';
import { PortalUserTypeormRepository } from './infrastructure/persistence/portal-user.typeorm-repository';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher';
import { CsrfTokens } from './infrastructure/security/csrf-tokens';
import { OidcProvider } from './infrastructure/security/oidc-provider';
import { ApiErrorFilter } from './interface/http/api-error.filter';
import { AuthHttpController } from './interface/http/auth.http.controller';
import { CsrfGuard } from './interface/http/csrf.guard';
import { OidcHttpController } from './interface/http/oidc.http.controller';
import { SessionGuard } from './interface/http/session.guard';
import { UserThrottlerGuard } from './interface/http/user-throttler.guard';

const MINUTE_MS = 60_000;

/**
 * Portal accounts: sign-in (password or OIDC), sessions in PostgreSQL, CSRF tokens, lockout,
 * the per-user rate limit, and the one JSON shape of every API error. The guards it exports
 * protect the portal's API.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) => [
        { name: 'default', ttl: MINUTE_MS, limit: config.RATE_LIMIT_PER_MINUTE },
      ],
    }),
  ],
  controllers: [AuthHttpController, OidcHttpController],
  providers: [
    {
      provide: AccountsSettings,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) =>
        new AccountsSettings(
          {
            idleMs: config.SESSION_IDLE_MINUTES * MINUTE_MS,
            absoluteMs: config.SESSION_ABSOLUTE_MINUTES * MINUTE_MS,
          },
          { maxFailures: config.LOCKOUT_MAX_FAILURES, lockMs: config.LOCKOUT_MINUTES * MINUTE_MS },
          config.COOKIE_SECURE,
        ),
    },
    {
      provide: PasswordHasher,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) => new Argon2PasswordHasher(config.PASSWORD_HASH_MEMORY_KIB),
    },
    {
      provide: CsrfTokens,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) => CsrfTokens.fromFile(config.CSRF_SECRET_FILE),
    },
    {
      provide: OidcProvider,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) => new OidcProvider(oidcSettings(config)),
    },
    { provide: PortalUserRepository, useClass: PortalUserTypeormRepository },
    { provide: PortalSessionRepository, useClass: PortalSessionTypeormRepository },
    SessionOpener,
    SignInUseCase,
    SignInWithOidcUseCase,
    ResumeSessionUseCase,
    SignOutUseCase,
    CreateAccountUseCase,
    SessionGuard,
    CsrfGuard,
    UserThrottlerGuard,
    { provide: APP_FILTER, useClass: ApiErrorFilter },
  ],
  exports: [
    ThrottlerModule,
    AccountsSettings,
    CsrfTokens,
    ResumeSessionUseCase,
    CreateAccountUseCase,
    PortalUserRepository,
    PortalSessionRepository,
    SessionGuard,
    CsrfGuard,
    UserThrottlerGuard,
  ],
})
export class AccountsModule {}
