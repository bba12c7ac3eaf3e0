/** One bad field of a request: which field (path in the request) and why. */
export interface FieldViolation {
  /** Request field path, camelCase as on the wire, e.g. "patientResidentId". */
  readonly field: string;
  /** UPPER_SNAKE_CASE machine reason, e.g. "REQUIRED", "INVALID_FORMAT". */
  readonly reason: string;
  /** Human-readable explanation for the integrator. */
  readonly description: string;
}
