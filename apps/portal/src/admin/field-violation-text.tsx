import { type FieldViolation } from '../api/portal-types';

/** The service's violation of a form's field, under the field: its description, else its reason. */
export function FieldViolationText({ name, violation }: { name: string; violation?: FieldViolation }) {
  if (!violation) return null;
  return (
    <p className="error" role="alert" data-testid={`error-${name}`}>
      {violation.description ?? violation.reason}
    </p>
  );
}
