import { Injectable } from '@nestjs/common';
import { pageOf } from '@medgrid/kernel';
import { type PortalUserView } from '../../../accounts/domain/portal-user';
import { PortalUserRepository } from '../../../accounts/domain/portal-user.repository';
import { type AdministeredAccount, administeredAccountOf } from '../../domain/administered-account';
import { requireAdministrator } from '../administration-access.policy';
import { type ListAccountsQuery } from './list-accounts.query';

/** GET /api/accounts: the accounts of the operator's city by username, a page at a time. */
@Injectable()
export class ListAccountsUseCase {
  constructor(private readonly users: PortalUserRepository) {}

  async execute(
    operator: PortalUserView,
    query: ListAccountsQuery,
  ): Promise<{ accounts: AdministeredAccount[]; nextPageToken: string }> {
    requireAdministrator(operator);
    const rows = await this.users.pageOfCity(operator.cityId, query.page.after, query.page.limit);
    const { items, nextPageToken } = pageOf(rows, query.page, (user) => [user.username]);
    return { accounts: items.map(administeredAccountOf), nextPageToken };
  }
}
