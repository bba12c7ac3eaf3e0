/** MoveSession as the use case takes it; the new band is local time in the clinic's time zone. */
export interface MoveSessionCommand {
  readonly clientRequestId: string;
  readonly sessionId: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** HH:MM */
  readonly startTime: string;
  /** HH:MM, after startTime */
  readonly endTime: string;
  /** Shown to the patients whose bookings move with the session. */
  readonly reason: string;
}
