import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrorDto, PortalUserDto } from '../../../accounts/interface/http/auth.dto';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { type AdministeredAccount } from '../../domain/administered-account';
import { CreateStaffAccountCommand } from '../../application/create-staff-account/create-staff-account.command';
import { CreateStaffAccountUseCase } from '../../application/create-staff-account/create-staff-account.use-case';
import { DisableAccountCommand } from '../../application/disable-account/disable-account.command';
import { DisableAccountUseCase } from '../../application/disable-account/disable-account.use-case';
import { ListAccountsQuery } from '../../application/list-accounts/list-accounts.query';
import { ListAccountsUseCase } from '../../application/list-accounts/list-accounts.use-case';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { AccountPageDto, AdministeredAccountDto, CreateAccountRequestDto } from './accounts.dto';

const NOT_OPERATOR = 'NOT_CITY_OPERATOR: only city operators administer accounts';

/** A city operator's accounts of its city: made, listed, disabled. */
@ApiTags('accounts')
@ApiCookieAuth()
@Controller('api/accounts')
@UseGuards(SessionGuard, UserThrottlerGuard, CsrfGuard)
export class AccountsHttpController {
  constructor(
    private readonly create: CreateStaffAccountUseCase,
    private readonly list: ListAccountsUseCase,
    private readonly disable: DisableAccountUseCase,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      "Creates a group administrator or an institution's staff member of the operator's city (needs X-CSRF-Token)",
  })
  @ApiBody({ type: CreateAccountRequestDto })
  @ApiCreatedResponse({ type: PortalUserDto })
  @ApiResponse({
    status: 400,
    type: ApiErrorDto,
    description:
      'Every bad field at once: USERNAME_TAKEN, UNKNOWN_INSTITUTION, UNKNOWN_GROUP, NOT_IN_GROUP, ROLE_NOT_ALLOWED, TOO_SHORT, ...',
  })
  @ApiResponse({ status: 403, type: ApiErrorDto, description: `${NOT_OPERATOR}; CSRF_INVALID` })
  @ApiResponse({ status: 503, type: ApiErrorDto, description: 'The registry could not be asked' })
  async createAccount(@Req() request: SignedInRequest, @Body() body: unknown): Promise<PortalUserView> {
    return this.create.execute(request.portal.user, CreateStaffAccountCommand.from(body));
  }

  @Get()
  @ApiOperation({ summary: "The accounts of the operator's city by username, a page at a time" })
  @ApiQuery({ name: 'pageSize', required: false, description: '1 to 200; 50 when absent' })
  @ApiQuery({ name: 'pageToken', required: false, description: "The previous page's nextPageToken" })
  @ApiOkResponse({ type: AccountPageDto })
  @ApiResponse({ status: 403, type: ApiErrorDto, description: NOT_OPERATOR })
  async accounts(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<AccountPageDto> {
    const page = await this.list.execute(request.portal.user, ListAccountsQuery.from(query));
    return { accounts: page.accounts.map(accountDto), nextPageToken: page.nextPageToken };
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disables an account of the city and ends its sessions (needs X-CSRF-Token)' })
  @ApiOkResponse({ type: AdministeredAccountDto })
  @ApiResponse({ status: 403, type: ApiErrorDto, description: `${NOT_OPERATOR}; CSRF_INVALID` })
  @ApiResponse({ status: 404, type: ApiErrorDto, description: 'ACCOUNT_NOT_FOUND in the city' })
  @ApiResponse({ status: 409, type: ApiErrorDto, description: 'CANNOT_DISABLE_SELF' })
  async disableAccount(
    @Req() request: SignedInRequest,
    @Param('id') id: string,
  ): Promise<AdministeredAccountDto> {
    return accountDto(await this.disable.execute(request.portal.user, DisableAccountCommand.from(id)));
  }
}

function accountDto(account: AdministeredAccount): AdministeredAccountDto {
  return {
    ...account,
    lockedUntil: account.lockedUntil?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
  };
}
