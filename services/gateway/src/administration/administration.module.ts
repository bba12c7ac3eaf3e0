import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PortalModule } from '../portal/portal.module';
import { CreateStaffAccountUseCase } from './application/create-staff-account/create-staff-account.use-case';
import { DisableAccountUseCase } from './application/disable-account/disable-account.use-case';
import { ListAccountsUseCase } from './application/list-accounts/list-accounts.use-case';
import { RegistryScopes } from './application/registry-scopes';
import { RegistryAccountScopes } from './infrastructure/grpc-client/registry-account-scopes';
import { AccountsHttpController } from './interface/http/accounts.http.controller';

/**
 * A city operator's administration of its city's portal accounts: group administrators and
 * institution staff made (their institution and group checked with the registry, as the
 * operator), listed and disabled. Above accounts (whose accounts and sessions it changes) and
 * the portal (whose registry client and callers it asks with).
 */
@Module({
  imports: [AccountsModule, PortalModule],
  controllers: [AccountsHttpController],
  providers: [
    { provide: RegistryScopes, useClass: RegistryAccountScopes },
    CreateStaffAccountUseCase,
    ListAccountsUseCase,
    DisableAccountUseCase,
  ],
})
export class AdministrationModule {}
