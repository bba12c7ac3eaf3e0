import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type Request } from 'express';
import { secureCookies } from '../../../common/http-cookies';
import { CsrfTokens } from '../../infrastructure/security/csrf-tokens';
import { AccountsSettings } from '../../application/accounts-settings';

/** Thrown for a state-changing request without a valid CSRF token. */
export class CsrfRefused extends Error {
  readonly code = 'CSRF_INVALID';
  constructor() {
    super('missing or invalid CSRF token');
    this.name = 'CsrfRefused';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request (anything but GET, HEAD, OPTIONS) whose X-CSRF-Token header
 * and CSRF cookie are missing, differ, or were not issued for its session. Reads change nothing,
 * so they need none (and an EventSource cannot send headers).
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly tokens: CsrfTokens,
    private readonly settings: AccountsSettings,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (!this.tokens.valid(request, secureCookies(request, this.settings.cookieSecurity)))
      throw new CsrfRefused();
    return true;
  }
}
