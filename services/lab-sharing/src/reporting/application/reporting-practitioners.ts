import { type CentrePractitioner } from '../../centres/domain/shared-centre';

/**
 * The practitioners reporting checks a reporter against: where they are registered and their specialty, as the
 * registry knows them (bound to the registry view's practitioners in the module).
 */
export abstract class ReportingPractitioners {
  abstract find(practitionerId: string): Promise<CentrePractitioner | null>;
}
