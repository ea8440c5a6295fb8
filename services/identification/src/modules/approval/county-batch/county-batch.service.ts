import { HttpException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, RequestValidationException } from '@prp/service-kit';
import { RecordStepService } from '../record-step/record-step.service';
import { CaseWorkflows } from '../temporal/case-workflows';
import { batchDecisionId } from './batch-decision-id';
import type { BatchVerdict, CountyBatchBody } from './county-batch.dto';

export interface PendingCase {
  caseId: string;
  caseNo: string;
  areaCode: string;
  waitingSince: string;
}

/** The county's monthly approval batch (县级审定按月批次): every case goes through the same path as a single step. */
@Injectable()
export class CountyBatchService {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly steps: RecordStepService,
    private readonly workflows: CaseWorkflows,
  ) {}

  /**
   * Cases at county approval. A notice period that ended without objection moves the case on inside the
   * workflow (no API call), so cases the ledger last saw at PUBLIC_NOTICE are confirmed with the workflow.
   * A workflow that cannot be asked right now does not sink the whole list: its case is named in `unconfirmed`.
   */
  async pending(county: string): Promise<{ county: string; items: PendingCase[]; unconfirmed: string[] }> {
    const rows: (PendingCase & { step: string })[] = await this.dataSource.query(
      `SELECT p.case_id AS "caseId", c.case_no AS "caseNo", p.area_code AS "areaCode", p.updated_at AS "waitingSince",
              p.current_step AS step
       FROM case_progress p JOIN household_case c ON c.id = p.case_id
       WHERE p.current_step IN ('PUBLIC_NOTICE', 'COUNTY_APPROVAL') AND p.outcome IS NULL AND p.area_code LIKE $1 || '%'
       ORDER BY p.updated_at, p.case_id`,
      [county],
    );
    const unconfirmed: string[] = [];
    const atCounty = await Promise.all(
      rows.map(async (row) => {
        if (row.step === 'COUNTY_APPROVAL') return true;
        try {
          return (await this.workflows.state(row.caseId))?.step === 'COUNTY_APPROVAL';
        } catch (error) {
          if (!(error instanceof HttpException) || error.getStatus() !== 503) throw error;
          unconfirmed.push(row.caseId);
          return false;
        }
      }),
    );
    const items = rows.filter((_, i) => atCounty[i]).map(({ step: _step, ...item }) => item);
    return { county, items, unconfirmed };
  }

  /** Per-case verdicts; a refused case does not stop the others. `apiKeyId`: the county key, for the ledger. */
  async record(
    county: string,
    body: CountyBatchBody,
    now = new Date(),
    apiKeyId?: string,
  ): Promise<{ verdicts: BatchVerdict[] }> {
    if (body.decidedAt && Date.parse(body.decidedAt) > now.getTime() + 5 * 60_000) {
      const message = `批次审定时间${body.decidedAt}晚于当前时间，不能登记尚未发生的审定`;
      throw new RequestValidationException([{ field: 'decidedAt', code: 'STEP.DECIDED_IN_FUTURE', message }]);
    }
    const verdicts: BatchVerdict[] = [];
    for (const item of body.decisions) {
      verdicts.push(await this.recordOne(county, body, item, now, apiKeyId));
    }
    return { verdicts };
  }

  private async recordOne(
    county: string,
    body: CountyBatchBody,
    item: CountyBatchBody['decisions'][number],
    now: Date,
    apiKeyId?: string,
  ) {
    const caseId = item.caseId;
    try {
      await this.assertInCounty(county, caseId);
      const decision = {
        decisionId: batchDecisionId(county, body.month, caseId),
        step: 'COUNTY_APPROVAL' as const,
        result: item.result,
        actor: body.actor,
        decidedAt: body.decidedAt ?? now.toISOString(),
        reason: item.reason,
        attachments: [],
      };
      const result = await this.steps.record(caseId, decision, `${county}:${body.month}`, apiKeyId);
      const status = result.alreadyRecorded ? 'ALREADY_RECORDED' : 'RECORDED';
      return { caseId, status, resultingStep: result.resultingStep, outcome: result.outcome } satisfies BatchVerdict;
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      const response = error.getResponse() as { code?: string; message?: string };
      return { caseId, status: 'REFUSED', code: response.code, message: response.message } satisfies BatchVerdict;
    }
  }

  private async assertInCounty(county: string, caseId: string): Promise<void> {
    const rows: { area_code: string }[] = await this.dataSource.query(
      `SELECT area_code FROM household_case WHERE id = $1`,
      [caseId],
    );
    if (rows[0] && !rows[0].area_code.startsWith(county)) {
      throw new HttpException(
        { code: 'CASE.OUTSIDE_COUNTY', message: `案件${caseId}不属于县${county}，不能列入本县批次` },
        409,
      );
    }
  }
}
