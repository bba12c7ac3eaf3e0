import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PORTAL_ROLES } from '../../domain/portal-user';

export class SignInRequestDto {
  @ApiProperty({ example: 'operator.gz', description: 'Case-insensitive username' }) username!: string;
  @ApiProperty({ format: 'password', description: 'Taken as typed (not trimmed)' }) password!: string;
}

export class PortalUserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: PORTAL_ROLES }) role!: string;
  @ApiProperty({ format: 'uuid' }) cityId!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) institutionId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) groupId!: string | null;
}

export class SessionDto {
  @ApiProperty({ type: PortalUserDto }) user!: PortalUserDto;
  @ApiProperty({ format: 'date-time', description: 'When the session ends unless it is used again' })
  endsAt!: string;
}

export class SignedInDto extends SessionDto {
  @ApiProperty({ description: 'Send it back as the X-CSRF-Token header of every state-changing request' })
  csrfToken!: string;
}

export class CsrfTokenDto {
  @ApiProperty() csrfToken!: string;
}

export class FieldViolationDto {
  @ApiProperty({ example: 'username' }) field!: string;
  @ApiProperty({ example: 'REQUIRED' }) reason!: string;
  @ApiProperty({ example: 'is required' }) description!: string;
}

export class ApiErrorBodyDto {
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty({ description: "In the user's language (zh-CN, or en by Accept-Language)" }) message!: string;
  @ApiPropertyOptional({ description: 'What the service said, as it said it' }) detail?: string;
  @ApiProperty({ type: [FieldViolationDto] }) fields!: FieldViolationDto[];
}

export class ApiErrorDto {
  @ApiProperty({ type: ApiErrorBodyDto }) error!: ApiErrorBodyDto;
}
