import { randomBytes, randomUUID } from 'crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '@prp/service-kit';
import { useTreeTestApp, VILLAGE } from '../modules/areas/test/tree-test-app';

/** Migration 480: member -> case and case -> campaign, checked per statement instead of by foreign keys. */
describe('references checked per statement (real PostgreSQL)', () => {
  const { get } = useTreeTestApp();
  const db = () => get<DataSource>(DATA_SOURCE);

  const addCase = (q: DataSource | EntityManager, id = randomUUID(), campaignId: string | null = null) =>
    q
      .query(
        `INSERT INTO household_case (id, case_no, idempotency_key, request_hash, area_code, channel, discovered_on,
           discovered_by, head_name, member_count, status, campaign_id)
         VALUES ($1, $2, $2, 'h', $3, 'CADRE_VISIT', '2026-11-02', 't', '张三', 3, 'SUSPECTED', $4)`,
        [id, `JC${randomBytes(6).toString('hex')}`, VILLAGE, campaignId],
      )
      .then(() => id);
  const addMembers = (q: DataSource | EntityManager, caseIds: string[]) =>
    q.query(
      `INSERT INTO household_member (case_id, position, id_card_index, id_card_masked, id_card_cipher, name, relation, birth_date)
       SELECT c, n::int, md5(random()::text), '430281********0019', 'x', '张三', 'HEAD', '1975-04-12'
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(c, n)`,
      [caseIds],
    );
  const addCampaign = async () => {
    const id = randomUUID();
    await db().query(
      `INSERT INTO screening_campaign (id, kind, quarter, area_codes) VALUES ($1, 'FULL', '2026Q4', $2)`,
      [id, [VILLAGE]],
    );
    return id;
  };
  const members = async () => (await db().query(`SELECT count(*)::int AS n FROM household_member`))[0].n;
  const refusal = (constraint: string) => expect.objectContaining({ code: '23503', constraint });

  it('refuses a statement of members when one of them names no case, and stores none of them', async () => {
    const known = await addCase(db());
    await expect(addMembers(db(), [known, known, randomUUID()])).rejects.toEqual(
      refusal('household_member_case_id_fkey'),
    );
    expect(await members()).toBe(0);
    await addMembers(db(), [known]);
    expect(await members()).toBe(1);
  });

  it('accepts members of cases written earlier in the same transaction, without locking the case rows', async () => {
    await db().transaction(async (manager) => {
      const ids = [await addCase(manager), await addCase(manager)];
      await addMembers(manager, [...ids, ...ids]);
      // A foreign key would have locked each case row once per member (FOR KEY SHARE sets xmax).
      const rows = await manager.query(`SELECT xmax::text AS xmax FROM household_case WHERE id = ANY($1::uuid[])`, [
        ids,
      ]);
      expect(rows).toEqual([{ xmax: '0' }, { xmax: '0' }]);
    });
    expect(await members()).toBe(4);
  });

  it('refuses moving a member to a case that does not exist', async () => {
    const known = await addCase(db());
    await addMembers(db(), [known]);
    await expect(db().query(`UPDATE household_member SET case_id = $1`, [randomUUID()])).rejects.toEqual(
      refusal('household_member_case_id_fkey'),
    );
  });

  it('refuses deleting, renumbering or truncating a case that members point at', async () => {
    const known = await addCase(db());
    const alone = await addCase(db());
    await addMembers(db(), [known]);
    await expect(db().query(`DELETE FROM household_case WHERE id = $1`, [known])).rejects.toEqual(
      refusal('household_member_case_id_fkey'),
    );
    await expect(db().query(`UPDATE household_case SET id = $1 WHERE id = $2`, [randomUUID(), known])).rejects.toEqual(
      refusal('household_member_case_id_fkey'),
    );
    await expect(db().query(`TRUNCATE household_case CASCADE`)).rejects.toEqual(
      refusal('household_member_case_id_fkey'),
    );
    await db().query(`DELETE FROM household_case WHERE id = $1`, [alone]);
    expect(await db().query(`SELECT id FROM household_case`)).toEqual([{ id: known }]);
  });

  it('holds cases to their campaign the same way', async () => {
    const campaign = await addCampaign();
    const inCampaign = await addCase(db(), randomUUID(), campaign);
    await expect(addCase(db(), randomUUID(), randomUUID())).rejects.toEqual(refusal('household_case_campaign_id_fkey'));
    await expect(
      db().query(`UPDATE household_case SET campaign_id = $1 WHERE id = $2`, [randomUUID(), inCampaign]),
    ).rejects.toEqual(refusal('household_case_campaign_id_fkey'));
    await expect(db().query(`DELETE FROM screening_campaign WHERE id = $1`, [campaign])).rejects.toEqual(
      refusal('household_case_campaign_id_fkey'),
    );
    expect(await db().query(`SELECT campaign_id FROM household_case WHERE id = $1`, [inCampaign])).toEqual([
      { campaign_id: campaign },
    ]);
  });
});
