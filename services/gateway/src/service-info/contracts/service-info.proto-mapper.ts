import { type gatewayServiceV1 } from '@medgrid/contracts';
import { type ServiceInfo } from '../domain/service-info';

export function serviceInfoToProto(info: ServiceInfo): gatewayServiceV1.DescribeGatewayServiceResponse {
  return {
    service: info.service,
    schemaVersion: info.schemaVersion,
    pendingMigrations: [...info.pendingMigrations],
    caller: {
      subject: info.caller.subject,
      role: info.caller.role,
      institutionId: info.caller.institutionId ?? '',
      groupId: info.caller.groupId ?? '',
    },
  };
}
