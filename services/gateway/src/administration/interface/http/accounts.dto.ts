import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PortalUserDto } from '../../../accounts/interface/http/auth.dto';
import { ADMINISTERED_ROLES } from '../../application/administration-access.policy';

export class CreateAccountRequestDto {
  @ApiProperty({ example: 'zhang.hua', description: 'Stored lower-cased: letters, digits and . _ @ -' })
  username!: string;
  @ApiProperty({ example: '张华' }) displayName!: string;
  @ApiProperty({ enum: ADMINISTERED_ROLES }) role!: string;
  @ApiProperty({ format: 'uuid', description: "An institution the registry knows in the operator's city" })
  institutionId!: string;
  @ApiProperty({ format: 'uuid', description: 'A medical group of that city the institution belongs to' })
  groupId!: string;
  @ApiProperty({ format: 'password', description: 'At least 12 characters, taken as typed' })
  password!: string;
}

export class AdministeredAccountDto extends PortalUserDto {
  @ApiProperty({ description: 'A disabled account cannot sign in and has no sessions' }) disabled!: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String })
  lockedUntil!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AccountPageDto {
  @ApiProperty({ type: [AdministeredAccountDto] }) accounts!: AdministeredAccountDto[];
  @ApiProperty({ description: "The next page's token; empty on the last page" }) nextPageToken!: string;
}
