import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Capacity, bookings, waitlists and beds. The registry projections scheduling
 * decides with and the client request log are made by their libraries'
 * migrations. Capacity is one row per seat (slot or bed) so a booking rush
 * claims different rows with FOR UPDATE SKIP LOCKED instead of queueing on one
 * counter; the partial unique indexes are the last word on "one active booking
 * per patient per session" and "one active slot per referral".
 */
export class CreateSchedulingTables1732500000001 implements MigrationInterface {
  name = 'CreateSchedulingTables1732500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reserve_policy (
        institution_id      uuid PRIMARY KEY,
        group_id            uuid NOT NULL,
        slot_numerator      integer NOT NULL,
        slot_denominator    integer NOT NULL CHECK (slot_denominator > 0),
        bed_numerator       integer NOT NULL,
        bed_denominator     integer NOT NULL CHECK (bed_denominator > 0),
        release_lead_hours  integer NOT NULL,
        override_reason     text NOT NULL,
        override_by         text NOT NULL,
        version             integer NOT NULL,
        updated_at          timestamptz NOT NULL
      );

      CREATE TABLE schedule_template (
        id               uuid PRIMARY KEY,
        institution_id   uuid NOT NULL,
        group_id         uuid NOT NULL,
        department_id    uuid NOT NULL,
        specialty_code   text NOT NULL,
        practitioner_id  text NOT NULL,
        weekday          smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_time       text NOT NULL,
        end_time         text NOT NULL,
        capacity         integer NOT NULL CHECK (capacity > 0),
        valid_from       date NOT NULL,
        valid_until      date
      );
      CREATE INDEX schedule_template_institution_idx ON schedule_template (institution_id);

      CREATE TABLE clinic_session (
        id                  uuid PRIMARY KEY,
        institution_id      uuid NOT NULL,
        group_id            uuid NOT NULL,
        department_id       uuid NOT NULL,
        specialty_code      text NOT NULL,
        practitioner_id     text NOT NULL,
        template_id         uuid,
        date                date NOT NULL,
        starts_at           timestamptz NOT NULL,
        ends_at             timestamptz NOT NULL,
        status              text NOT NULL,
        capacity            integer NOT NULL CHECK (capacity >= 0),
        reserved_offered    integer NOT NULL,
        reserved_released   integer NOT NULL DEFAULT 0,
        release_lead_hours  integer NOT NULL,
        release_due_at      timestamptz NOT NULL,
        change_reason       text NOT NULL DEFAULT '',
        version             integer NOT NULL,
        CONSTRAINT clinic_session_template_date_uq UNIQUE (template_id, date)
      );
      CREATE INDEX clinic_session_institution_date_idx ON clinic_session (institution_id, date);
      CREATE INDEX clinic_session_release_idx ON clinic_session (release_due_at) WHERE status = 'open';

      CREATE TABLE seat (
        session_id   uuid NOT NULL REFERENCES clinic_session (id),
        slot_number  integer NOT NULL,
        pool         text NOT NULL CHECK (pool IN ('reserved', 'public')),
        booking_id   uuid,
        PRIMARY KEY (session_id, slot_number)
      );
      CREATE INDEX seat_free_idx ON seat (session_id, pool, slot_number) WHERE booking_id IS NULL;

      CREATE TABLE booking (
        id                        uuid PRIMARY KEY,
        session_id                uuid NOT NULL REFERENCES clinic_session (id),
        institution_id            uuid NOT NULL,
        group_id                  uuid NOT NULL,
        slot_number               integer NOT NULL,
        pool                      text NOT NULL,
        status                    text NOT NULL,
        patient_resident_id       text NOT NULL,
        referral_id               text NOT NULL,
        booked_by_institution_id  uuid NOT NULL,
        priority_contracted       boolean NOT NULL,
        priority_fee_waived       boolean NOT NULL,
        priority_green_channel    boolean NOT NULL,
        hold_expires_at           timestamptz,
        client_request_id         uuid NOT NULL,
        created_at                timestamptz NOT NULL,
        updated_at                timestamptz NOT NULL,
        cancel_reason             text NOT NULL,
        version                   integer NOT NULL,
        CONSTRAINT booking_client_request_uq UNIQUE (client_request_id)
      );
      CREATE UNIQUE INDEX booking_patient_session_uq ON booking (session_id, patient_resident_id)
        WHERE status IN ('held', 'booked');
      CREATE UNIQUE INDEX booking_referral_uq ON booking (referral_id)
        WHERE referral_id <> '' AND status IN ('held', 'booked');
      CREATE INDEX booking_hold_expiry_idx ON booking (hold_expires_at) WHERE status = 'held';
      CREATE INDEX booking_session_idx ON booking (session_id);

      CREATE TABLE waitlist_entry (
        id                           uuid PRIMARY KEY,
        session_id                   uuid NOT NULL REFERENCES clinic_session (id),
        institution_id               uuid NOT NULL,
        group_id                     uuid NOT NULL,
        patient_resident_id          text NOT NULL,
        referral_id                  text NOT NULL,
        requested_by_institution_id  uuid NOT NULL,
        may_take_reserved            boolean NOT NULL,
        priority_contracted          boolean NOT NULL,
        priority_fee_waived          boolean NOT NULL,
        priority_green_channel       boolean NOT NULL,
        status                       text NOT NULL,
        booking_id                   text NOT NULL,
        client_request_id            uuid NOT NULL,
        created_at                   timestamptz NOT NULL,
        updated_at                   timestamptz NOT NULL,
        version                      integer NOT NULL,
        CONSTRAINT waitlist_entry_client_request_uq UNIQUE (client_request_id)
      );
      CREATE UNIQUE INDEX waitlist_entry_patient_uq ON waitlist_entry (session_id, patient_resident_id)
        WHERE status = 'waiting';

      CREATE TABLE ward (
        id              uuid PRIMARY KEY,
        institution_id  uuid NOT NULL,
        group_id        uuid NOT NULL,
        department_id   uuid NOT NULL,
        specialty_code  text NOT NULL,
        name            text NOT NULL,
        bed_count       integer NOT NULL CHECK (bed_count > 0),
        reserved_beds   integer NOT NULL,
        CONSTRAINT ward_name_uq UNIQUE (institution_id, name)
      );
      CREATE TABLE bed (
        ward_id       uuid NOT NULL REFERENCES ward (id),
        bed_code      text NOT NULL,
        sort_order    integer NOT NULL,
        pool          text NOT NULL CHECK (pool IN ('reserved', 'public')),
        admission_id  uuid,
        PRIMARY KEY (ward_id, bed_code)
      );
      CREATE INDEX bed_free_idx ON bed (ward_id, pool, sort_order) WHERE admission_id IS NULL;
      CREATE TABLE admission (
        id                           uuid PRIMARY KEY,
        ward_id                      uuid NOT NULL REFERENCES ward (id),
        institution_id               uuid NOT NULL,
        group_id                     uuid NOT NULL,
        patient_resident_id          text NOT NULL,
        referral_id                  text NOT NULL,
        requested_by_institution_id  uuid NOT NULL,
        priority_contracted          boolean NOT NULL,
        priority_fee_waived          boolean NOT NULL,
        priority_green_channel       boolean NOT NULL,
        status                       text NOT NULL,
        bed_code                     text NOT NULL,
        pool                         text,
        requested_at                 timestamptz NOT NULL,
        admitted_at                  timestamptz,
        discharged_at                timestamptz,
        cancel_reason                text NOT NULL,
        version                      integer NOT NULL
      );
      CREATE UNIQUE INDEX admission_patient_active_uq ON admission (patient_resident_id)
        WHERE status IN ('requested', 'admitted');
      CREATE INDEX admission_institution_idx ON admission (institution_id, requested_at);

      ALTER TABLE slot_hold_request
        ADD COLUMN patient_resident_id    text NOT NULL DEFAULT '',
        ADD COLUMN department_id          text NOT NULL DEFAULT '',
        ADD COLUMN specialty_code         text NOT NULL DEFAULT '',
        ADD COLUMN priority_contracted    boolean NOT NULL DEFAULT false,
        ADD COLUMN priority_green_channel boolean NOT NULL DEFAULT false,
        ADD COLUMN pool                   text,
        ADD COLUMN booking_id             text NOT NULL DEFAULT '',
        ADD COLUMN waitlist_entry_id      text NOT NULL DEFAULT '',
        ADD COLUMN session_id             text NOT NULL DEFAULT '',
        ADD COLUMN version                integer NOT NULL DEFAULT 1,
        ADD COLUMN updated_at             timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE slot_hold_request
        DROP COLUMN patient_resident_id, DROP COLUMN department_id, DROP COLUMN specialty_code,
        DROP COLUMN priority_contracted, DROP COLUMN priority_green_channel, DROP COLUMN pool,
        DROP COLUMN booking_id, DROP COLUMN waitlist_entry_id, DROP COLUMN session_id,
        DROP COLUMN version, DROP COLUMN updated_at;
      DROP TABLE admission; DROP TABLE bed; DROP TABLE ward;
      DROP TABLE waitlist_entry; DROP TABLE booking; DROP TABLE seat; DROP TABLE clinic_session;
      DROP TABLE schedule_template; DROP TABLE reserve_policy;
    `);
  }
}
