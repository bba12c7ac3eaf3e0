/**
 * The shapes the gateway answers, as proto3 JSON: camelCase, enums by name, instants in ISO 8601,
 * 64-bit integers as strings, and fields at their default value left out (so nearly all optional).
 */

export type Role = 'city-operator' | 'group-admin' | 'institution-staff';

export interface PortalUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  cityId: string;
  institutionId: string | null;
  groupId: string | null;
}

export interface SessionInfo {
  user: PortalUser;
  endsAt: string;
}

export interface SignedIn extends SessionInfo {
  csrfToken: string;
}

export interface Grid {
  id: string;
  cityId: string;
  code: string;
  name: string;
}

export type InstitutionLevel =
  | 'INSTITUTION_LEVEL_TERTIARY'
  | 'INSTITUTION_LEVEL_SECONDARY'
  | 'INSTITUTION_LEVEL_PRIMARY'
  | 'INSTITUTION_LEVEL_UNSPECIFIED';

export interface Institution {
  id: string;
  name: string;
  level?: InstitutionLevel;
  type?: string;
  gridId?: string;
  groupId?: string;
  address?: string;
}

export interface Membership {
  institutionId: string;
  role?: string;
  joinedAt?: string;
}

export interface MedicalGroup {
  id: string;
  gridId?: string;
  name: string;
  leadInstitutionId?: string;
  memberships?: Membership[];
  complete?: boolean;
}

export type ReferralDirection = 'REFERRAL_DIRECTION_UPWARD' | 'REFERRAL_DIRECTION_DOWNWARD';

/** One month, group and direction of referral's statistics (proto3 JSON: zero counts are left out). */
export interface ReferralMonthFigures {
  /** YYYY-MM, Asia/Shanghai. */
  month: string;
  groupId: string;
  direction: ReferralDirection;
  referrals?: number;
  handledInTime?: number;
  breached?: number;
  declined?: number;
  greenChannel?: number;
}

export const REFERRAL_STATUSES = [
  'REFERRAL_STATUS_DRAFT',
  'REFERRAL_STATUS_SUBMITTED',
  'REFERRAL_STATUS_ACCEPTED',
  'REFERRAL_STATUS_DECLINED',
  'REFERRAL_STATUS_SCHEDULED',
  'REFERRAL_STATUS_ARRIVED',
  'REFERRAL_STATUS_COMPLETED',
  'REFERRAL_STATUS_CANCELLED',
  'REFERRAL_STATUS_EXPIRED',
  'REFERRAL_STATUS_ISSUED',
  'REFERRAL_STATUS_RECEIVED',
  'REFERRAL_STATUS_FOLLOWED_UP',
  'REFERRAL_STATUS_CLOSED',
] as const;

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export interface Referral {
  id: string;
  groupId?: string;
  patientResidentId?: string;
  referringInstitutionId?: string;
  receivingInstitutionId?: string;
  direction?: ReferralDirection;
  status?: ReferralStatus;
  icd10Code?: string;
  reason?: string;
  createdAt?: string;
  dueAt?: string;
  deadlineBreachedAt?: string;
  submittedAt?: string;
  acceptedAt?: string;
  arrivedAt?: string;
  closedAt?: string;
  updatedAt?: string;
  outcomeReason?: string;
  greenChannel?: boolean;
  contractedResidentPriority?: boolean;
  greenChannelKind?: GreenChannelKind;
  /** Upward: the indication codes the referrer claimed. */
  indicationCodes?: string[];
  /** Upward: the claimed codes the catalogue confirmed for the diagnosis. */
  matchedIndicationCodes?: string[];
  /** Sent on the written justification alone (no catalogued indication, or stability unconfirmed). */
  withoutIndication?: boolean;
  justification?: string;
  results?: ResultReference[];
  /** Downward: the plan that goes down with the patient. */
  treatmentPlan?: TreatmentPlan;
  /** Downward: the stability criteria the hospital confirmed. */
  metCriteriaCodes?: string[];
  slot?: ReferralSlot;
  /** Downward: follow-ups recorded so far. */
  followUpCount?: number;
  /** Downward: pharmacy's assessment of the medication list; GetReferral only, never in lists or events. */
  continuity?: ContinuityAssessment;
}

export type GreenChannelKind =
  'GREEN_CHANNEL_UNSPECIFIED' | 'GREEN_CHANNEL_CHEST_PAIN' | 'GREEN_CHANNEL_STROKE';

export type ResultKind =
  | 'RESULT_KIND_UNSPECIFIED'
  | 'RESULT_KIND_LAB'
  | 'RESULT_KIND_IMAGING'
  | 'RESULT_KIND_ECG'
  | 'RESULT_KIND_PATHOLOGY';

/** An existing result in lab-sharing's registry that the referral carries, so it is not repeated. */
export interface ResultReference {
  kind?: ResultKind;
  resultId?: string;
  summary?: string;
}

export interface PlannedMedication {
  name?: string;
  dose?: string;
  frequency?: string;
  days?: number;
  drugCode?: string;
}

export interface PlannedFollowUp {
  /** Local date (Asia/Shanghai), YYYY-MM-DD. */
  dueDate?: string;
  item?: string;
}

export interface TreatmentPlan {
  diagnosisCodes?: string[];
  medications?: PlannedMedication[];
  followUps?: PlannedFollowUp[];
  warningSigns?: string[];
  notes?: string;
}

/** The slot scheduling holds for an upward referral (booking and pool empty while waitlisted). */
export interface ReferralSlot {
  bookingId?: string;
  sessionId?: string;
  /** "reserved" or "public". */
  pool?: string;
  waitlisted?: boolean;
}

export type ContinuityOutcome =
  | 'CONTINUITY_OUTCOME_UNSPECIFIED'
  | 'CONTINUITY_OUTCOME_CONTINUE'
  | 'CONTINUITY_OUTCOME_SUBSTITUTE'
  | 'CONTINUITY_OUTCOME_ACTION_NEEDED';

export type ContinuityActionReason =
  | 'CONTINUITY_ACTION_REASON_UNSPECIFIED'
  | 'CONTINUITY_ACTION_REASON_NOT_IN_CATALOGUE'
  | 'CONTINUITY_ACTION_REASON_NOT_STOCKED'
  | 'CONTINUITY_ACTION_REASON_NOT_ALLOWED_AT_LEVEL';

export type SupplyVerdict =
  | 'SUPPLY_VERDICT_UNSPECIFIED'
  | 'SUPPLY_VERDICT_ORDINARY'
  | 'SUPPLY_VERDICT_LONG'
  | 'SUPPLY_VERDICT_CAPPED'
  | 'SUPPLY_VERDICT_OVER_MAXIMUM'
  | 'SUPPLY_VERDICT_INVALID';

/** pharmacy's judgement of one line of a downward medication list. */
export interface MedicationContinuity {
  drugCode?: string;
  name?: string;
  outcome?: ContinuityOutcome;
  suggestedCode?: string;
  actionReason?: ContinuityActionReason;
  obtainableCode?: string;
  /** pharmacy's own words on what to do. */
  note?: string;
  days?: number;
  supplyVerdict?: SupplyVerdict;
  allowedDays?: number;
  /** Why no long prescription: NOT_CONTRACTED, NO_LISTED_CHRONIC_DISEASE, ... */
  supplyBars?: string[];
  supplyNote?: string;
}

/** pharmacy ContinuityAssessment: a downward medication list against the receiving institution's formulary. */
export interface ContinuityAssessment {
  referralId?: string;
  groupId?: string;
  issuingInstitutionId?: string;
  receivingInstitutionId?: string;
  medications?: MedicationContinuity[];
  continuous?: boolean;
  daysWithinRule?: boolean;
  contractedResident?: boolean;
  assessedAt?: string;
}

export interface ReferralHistoryEntry {
  seq: string;
  referralId: string;
  action?: string;
  fromStatus?: ReferralStatus;
  toStatus?: ReferralStatus;
  actorSubject?: string;
  actorInstitutionId?: string;
  actorRole?: string;
  occurredAt?: string;
  note?: string;
}

export interface ReferralPage {
  referrals?: Referral[];
  nextPageToken?: string;
}

export interface ReferralWithHistory {
  referral: Referral;
  history?: ReferralHistoryEntry[];
}

export interface ReferralChange {
  change?: ReferralHistoryEntry;
  referral?: Referral;
}

export interface Ratio {
  numerator?: number;
  denominator?: number;
}

export interface ReservePolicyAnswer {
  policy?: {
    institutionId: string;
    groupId?: string;
    slotRatio?: Ratio;
    bedRatio?: Ratio;
    releaseLeadHours?: number;
    overrideReason?: string;
    overrideBy?: string;
    updatedAt?: string;
  };
  slotFloor?: Ratio;
  bedFloor?: Ratio;
  cityId?: string;
  slotShare?: Ratio;
  bedShare?: Ratio;
}

export interface DailyReport {
  institutionId: string;
  date: string;
  slots?: {
    sessions?: number;
    offered?: number;
    reservedOffered?: number;
    reservedUsed?: number;
    reservedReleased?: number;
    reservedEmpty?: number;
    publicUsed?: number;
    reservedRatioBp?: number;
    targetRatioBp?: number;
    targetMet?: boolean;
  };
  beds?: {
    beds?: number;
    reservedBeds?: number;
    reservedOccupied?: number;
    publicOccupied?: number;
    referralAdmissions?: number;
    reservedRatioBp?: number;
    targetRatioBp?: number;
    targetMet?: boolean;
  };
}

export interface FieldViolation {
  field: string;
  reason?: string;
  description?: string;
}

/** payment GetFirstContactStatistics: one institution's outpatient visits (or the total, ids empty). */
export interface FirstContactFigures {
  institutionId?: string;
  groupId?: string;
  level?: InstitutionLevel;
  firstContacts?: number;
  referredVisits?: number;
  primaryFirstContacts?: number;
  primaryShareBp?: number;
}

export interface FirstContactStatistics {
  figures?: FirstContactFigures[];
  total?: FirstContactFigures;
  targetShareBp?: number;
}

/** lab-sharing GetRecognitionStatistics: one institution's look-ups of one item. */
export interface RecognitionFigures {
  institutionId?: string;
  itemCode?: string;
  lookups?: number;
  offered?: number;
  reused?: number;
  orderedAnyway?: number;
  recognitionRateBp?: number;
}

export interface RecognitionStatistics {
  figures?: RecognitionFigures[];
  total?: RecognitionFigures;
}

/** pharmacy GetPrescribingStatistics: one institution's recorded checks. */
export interface PrescribingFigures {
  institutionId?: string;
  groupId?: string;
  checks?: number;
  lines?: number;
  essentialLines?: number;
  volumeBasedLines?: number;
  essentialShareBp?: number;
  volumeBasedShareBp?: number;
  longPrescriptionsAccepted?: number;
  longPrescriptionsCapped?: number;
}

export interface PrescribingStatistics {
  figures?: PrescribingFigures[];
  total?: PrescribingFigures;
}

/** Amounts in fen: proto3 JSON writes 64-bit integers as strings, the gateway's codec as numbers when they fit. */
export type FenText = string | number;

export interface SettlementFigures {
  claims?: number;
  fund?: FenText;
  patient?: FenText;
  waived?: FenText;
}

export interface SettlementBalance {
  kind?: 'SURPLUS' | 'OVERSPEND' | 'EVEN';
  amount?: FenText;
  retainedByGroup?: FenText;
  returnedToFund?: FenText;
  coveredByFund?: FenText;
  coveredByFinance?: FenText;
  borneByGroup?: FenText;
}

export interface SettlementRun {
  runId: string;
  groupId: string;
  regionId?: string;
  periodFrom?: string;
  periodUntil?: string;
  settledAt?: string;
  budget?: FenText;
  budgetBasis?: string[];
  fundPaid?: FenText;
  patientPaid?: FenText;
  waived?: FenText;
  balance?: SettlementBalance;
  institutions?: {
    institutionId: string;
    level?: InstitutionLevel;
    figures?: SettlementFigures;
    byPoints?: FenText;
  }[];
  referred?: SettlementFigures;
  unreferred?: SettlementFigures;
}

export interface SettlementReport {
  run?: SettlementRun;
  csv?: string;
}

/** A portal account as the city's operators administer it. */
export interface AdministeredAccount extends PortalUser {
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: 'group-admin' | 'institution-staff';
  institutionId: string;
  groupId: string;
  password: string;
}
