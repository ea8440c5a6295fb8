import type { MigrationInterface, QueryRunner } from 'typeorm';

interface Reference {
  /** The foreign key this replaces; its name stays on the errors, so they read as before. */
  constraint: string;
  child: string;
  column: string;
  parent: string;
}

/**
 * The two references every batch-imported row carries (member -> case, case -> campaign) are checked once per
 * statement instead of once per row.
 *
 * A foreign key checks each new row on its own: one query per row that finds the parent row and locks it
 * (FOR KEY SHARE, written to the WAL). A 1,000-household chunk made 3,000 such checks for its members and
 * 1,000 for its campaign, all on rows of that same transaction: about 30 µs per household each, measured with
 * the bench's rows (`bench:screening`), 60 of PostgreSQL's ~150 µs per household.
 *
 * Now a statement trigger looks at all of a statement's new rows at once (a transition table), probing the
 * parent's primary key for each distinct value, and raises foreign_key_violation with the old constraint's name
 * if one is missing. An update that changes the column is checked row by row, and the parent refuses a delete
 * (or a change of its id) while a child points at it, and may be truncated only with its children. Given up: the parent row is no longer locked, so a delete
 * of a case or campaign by hand, at the very moment a transaction adds children to it, could slip through. The
 * platform never deletes either (a case is a record of what officials did; a campaign keeps its households).
 */
const REFERENCES: Reference[] = [
  {
    constraint: 'household_member_case_id_fkey',
    child: 'household_member',
    column: 'case_id',
    parent: 'household_case',
  },
  {
    constraint: 'household_case_campaign_id_fkey',
    child: 'household_case',
    column: 'campaign_id',
    parent: 'screening_campaign',
  },
];

function violation(ref: Reference, detail: string): string {
  return `RAISE foreign_key_violation USING MESSAGE = ${quote(`insert or update on table "${ref.child}" violates foreign key constraint "${ref.constraint}"`)},
          DETAIL = ${detail}, CONSTRAINT = ${quote(ref.constraint)}, TABLE = ${quote(ref.child)}`;
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

function up(ref: Reference): string[] {
  const { constraint: name, child, column, parent } = ref;
  return [
    `ALTER TABLE ${child} DROP CONSTRAINT ${name}`,
    // The inserted rows as a set: one index probe per distinct parent, planned so whatever the statistics say.
    `CREATE FUNCTION ${name}_inserted() RETURNS trigger LANGUAGE plpgsql
       SET search_path FROM CURRENT SET enable_seqscan = off SET enable_hashjoin = off SET enable_mergejoin = off
     AS $$
     DECLARE missing uuid;
     BEGIN
       SELECT n.${column} INTO missing FROM (SELECT DISTINCT ${column} FROM new_rows WHERE ${column} IS NOT NULL) AS n
       WHERE NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = n.${column}) LIMIT 1;
       IF FOUND THEN
         ${violation(ref, `format('Key (${column})=(%s) is not present in table "${parent}".', missing)`)};
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER ${name}_inserted AFTER INSERT ON ${child} REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION ${name}_inserted()`,
    `CREATE FUNCTION ${name}_updated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
     BEGIN
       IF NEW.${column} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = NEW.${column}) THEN
         ${violation(ref, `format('Key (${column})=(%s) is not present in table "${parent}".', NEW.${column})`)};
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER ${name}_updated AFTER UPDATE OF ${column} ON ${child}
     FOR EACH ROW WHEN (NEW.${column} IS DISTINCT FROM OLD.${column}) EXECUTE FUNCTION ${name}_updated()`,
    `CREATE FUNCTION ${name}_parent() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
     BEGIN
       IF (TG_OP = 'DELETE' OR NEW.id IS DISTINCT FROM OLD.id)
          AND EXISTS (SELECT 1 FROM ${child} c WHERE c.${column} = OLD.id) THEN
         RAISE foreign_key_violation USING
           MESSAGE = ${quote(`update or delete on table "${parent}" violates foreign key constraint "${name}" on table "${child}"`)},
           DETAIL = format('Key (id)=(%s) is still referenced from table "${child}".', OLD.id),
           CONSTRAINT = ${quote(name)}, TABLE = ${quote(parent)};
       END IF;
       RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
     END $$`,
    `CREATE TRIGGER ${name}_parent BEFORE DELETE OR UPDATE OF id ON ${parent}
     FOR EACH ROW EXECUTE FUNCTION ${name}_parent()`,
    // TRUNCATE fires no delete triggers: the parent may be emptied only together with its children.
    `CREATE FUNCTION ${name}_truncated() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
     BEGIN
       IF EXISTS (SELECT 1 FROM ${child} c WHERE c.${column} IS NOT NULL) THEN
         RAISE foreign_key_violation USING
           MESSAGE = ${quote(`cannot truncate "${parent}": table "${child}" references it through "${name}"`)},
           HINT = ${quote(`Truncate table "${child}" at the same time.`)}, CONSTRAINT = ${quote(name)}, TABLE = ${quote(parent)};
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE TRIGGER ${name}_truncated AFTER TRUNCATE ON ${parent} FOR EACH STATEMENT EXECUTE FUNCTION ${name}_truncated()`,
  ];
}

function down(ref: Reference): string[] {
  const { constraint: name, child, column, parent } = ref;
  return [
    `DROP TRIGGER ${name}_truncated ON ${parent}`,
    `DROP FUNCTION ${name}_truncated()`,
    `DROP TRIGGER ${name}_parent ON ${parent}`,
    `DROP TRIGGER ${name}_updated ON ${child}`,
    `DROP TRIGGER ${name}_inserted ON ${child}`,
    `DROP FUNCTION ${name}_parent()`,
    `DROP FUNCTION ${name}_updated()`,
    `DROP FUNCTION ${name}_inserted()`,
    `ALTER TABLE ${child} ADD CONSTRAINT ${name} FOREIGN KEY (${column}) REFERENCES ${parent} (id)`,
  ];
}

export class SetCheckedReferences1732000000480 implements MigrationInterface {
  name = 'SetCheckedReferences1732000000480';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of REFERENCES.flatMap(up)) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of REFERENCES.flatMap(down)) await runner.query(statement);
  }
}
