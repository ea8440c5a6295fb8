import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEVELS = `('CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE')`;
const AREA = `~ '^[0-9]{12}$'`;

/** Helpers, assignment policy, assistance records and assignments, plans, department tasks, API keys, visits. */
export class InitReferral1732000000500 implements MigrationInterface {
  name = 'InitReferral1732000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE helper (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ${LEVELS}),
        unit text NOT NULL,
        area_code text NOT NULL CHECK (area_code ${AREA}),
        capacity int NOT NULL CHECK (capacity >= 1),
        availability text NOT NULL DEFAULT 'AVAILABLE'
          CHECK (availability IN ('AVAILABLE', 'TRANSFERRED', 'RETIRED', 'SICK', 'ON_LEAVE')),
        availability_since date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX helper_area_idx ON helper (area_code text_pattern_ops)`);
    await runner.query(`
      CREATE TABLE assignment_policy (
        area_prefix text PRIMARY KEY CHECK (area_prefix ~ '^[0-9]{0,12}$'),
        policy jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // policy.md §3 defaults (Liling ratios), as data: a region overrides them with a longer prefix.
    await runner.query(`INSERT INTO assignment_policy (area_prefix, policy) VALUES ('', $1::jsonb)`, [
      JSON.stringify({
        exclusiveColours: ['RED', 'YELLOW'],
        exclusiveRequiresRegisteredPoor: true,
        exclusiveLevel: 'CITY',
        maxHouseholdsPerCadre: 2,
        villageCommitteeColours: ['BLUE'],
        dualHelpersForRelocated: true,
      }),
    ]);
    await runner.query(`
      CREATE TABLE assistance_record (
        case_id uuid PRIMARY KEY,
        area_code text NOT NULL CHECK (area_code ${AREA}),
        colour text CHECK (colour IN ('RED', 'YELLOW', 'BLUE')),
        category text,
        registered_poor boolean,
        relocated boolean,
        hukou_area_code text CHECK (hukou_area_code ${AREA}),
        residence_area_code text CHECK (residence_area_code ${AREA}),
        member_count int,
        status text NOT NULL CHECK (status IN ('AWAITING_HELPER', 'ASSISTED', 'CLOSED')),
        included_on date NOT NULL,
        decision_id uuid,
        measures_started_on date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX assistance_record_area_idx ON assistance_record (area_code text_pattern_ops)`);
    await runner.query(`
      CREATE TABLE helper_assignment (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES assistance_record (case_id),
        helper_id uuid REFERENCES helper (id),
        assignee text NOT NULL CHECK (assignee IN ('CADRE', 'VILLAGE_COMMITTEE')),
        assignee_id text NOT NULL,
        role text NOT NULL CHECK (role IN ('PRIMARY', 'SECOND')),
        level text NOT NULL CHECK (level IN ${LEVELS}),
        exclusive boolean NOT NULL,
        rule text NOT NULL,
        assigned_on date NOT NULL,
        ended_on date,
        end_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((assignee = 'CADRE') = (helper_id IS NOT NULL))
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX helper_assignment_active_role ON helper_assignment (case_id, role) WHERE ended_on IS NULL`,
    );
    await runner.query(
      `CREATE INDEX helper_assignment_helper_idx ON helper_assignment (helper_id) WHERE ended_on IS NULL`,
    );
    await runner.query(`
      CREATE TABLE replacement_proposal (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES assistance_record (case_id),
        old_assignment_id uuid NOT NULL REFERENCES helper_assignment (id),
        old_helper_id uuid NOT NULL REFERENCES helper (id),
        role text NOT NULL,
        proposed_helper_id uuid REFERENCES helper (id),
        reason text NOT NULL,
        since date NOT NULL,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ASSIGNED', 'WITHDRAWN')),
        new_assignment_id uuid REFERENCES helper_assignment (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX replacement_open_idx ON replacement_proposal (old_assignment_id) WHERE status = 'PROPOSED'`,
    );
    await runner.query(`
      CREATE TABLE assistance_plan (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES assistance_record (case_id),
        agreed_on date NOT NULL,
        recorded_by text NOT NULL,
        household_consent text NOT NULL,
        needs jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE department_task (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES assistance_plan (id),
        case_id uuid NOT NULL REFERENCES assistance_record (case_id),
        area_code text NOT NULL,
        measure text NOT NULL,
        department text NOT NULL,
        need text NOT NULL,
        status text NOT NULL CHECK (status IN ('CREATED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RETURNED', 'COMPLETED')),
        created_on date NOT NULL,
        acknowledged_on date,
        completed_on date,
        returned_on date,
        return_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX department_task_queue_idx ON department_task (department, status, created_at)`);
    await runner.query(`CREATE INDEX department_task_case_idx ON department_task (case_id)`);
    await runner.query(`
      CREATE TABLE task_report (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES department_task (id),
        kind text NOT NULL CHECK (kind IN ('PROGRESS', 'RESULT')),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        amount_fen bigint CHECK (amount_fen >= 0),
        evidence jsonb NOT NULL DEFAULT '[]',
        note text,
        reported_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX task_report_task_idx ON task_report (task_id)`);
    await runner.query(`
      CREATE TABLE department_api_key (
        id uuid PRIMARY KEY,
        department text NOT NULL,
        key_hash text NOT NULL UNIQUE,
        label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE visit (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES assistance_record (case_id),
        helper_id text NOT NULL,
        visited_on date NOT NULL,
        quarter text NOT NULL,
        findings text NOT NULL,
        photos jsonb NOT NULL DEFAULT '[]',
        income_changes jsonb NOT NULL DEFAULT '[]',
        new_risk_points jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX visit_case_idx ON visit (case_id, visited_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'visit',
      'department_api_key',
      'task_report',
      'department_task',
      'assistance_plan',
      'replacement_proposal',
      'helper_assignment',
      'assistance_record',
      'assignment_policy',
      'helper',
    ]) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
