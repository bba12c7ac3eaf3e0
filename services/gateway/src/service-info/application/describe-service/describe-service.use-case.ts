import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { SchemaStateRepository } from '../../domain/schema-state.repository';
import { describeService, type ServiceInfo } from '../../domain/service-info';

/**
 * DescribeGatewayService. Any caller with a verified token may ask: the answer holds
 * no patient data, only the service, its schema and the caller's own claims. The request carries
 * no field, so there is no query to validate.
 */
@Injectable()
export class DescribeServiceUseCase {
  constructor(private readonly schema: SchemaStateRepository) {}

  async execute(identity: Identity): Promise<ServiceInfo> {
    return describeService('gateway', await this.schema.read(), identity);
  }
}
