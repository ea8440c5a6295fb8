import { randomUUID } from 'crypto';
import { toShanghaiDate } from '@prp/calendar';
import { waitFor } from '@prp/testing';
import { asCountyOffice, daysAgo, get, household, instantDaysAgo, post, request, type JsonResponse } from './fixtures';

const DEPARTMENTS = ['CIVIL_AFFAIRS', 'NATURAL_RESOURCES', 'MARKET_REGULATION', 'PUBLIC_SECURITY'];

export interface Progress {
  currentStep: string | null;
  outcome: string | null;
  workflow: {
    available: boolean;
    step?: string;
    decisions?: { step: string; result: string; decidedAt?: string }[];
    deadlines?: { kind: string }[];
    /** The notice period of the last township re-check (ends at endsAt, the end of its last working day). */
    notice?: { startedOn: string; endDate: string; endsAt: string };
  };
  decisions: { step: string; result: string; actor: string; department?: string | null }[];
  notification: { id: string; text: string; deliveredAt: string | null } | null;
}

export const progressOf = async (identification: string, caseId: string) =>
  (await get(`${identification}/api/v1/cases/${caseId}/progress`)).body as unknown as Progress;

/** Submits a household under the line, discovered `discoveredDaysAgo` days ago; returns its case id. */
export async function submitSuspected(identification: string, marker: string, discoveredDaysAgo = 30): Promise<string> {
  const created = await post(
    `${identification}/api/v1/cases`,
    household(marker, daysAgo(discoveredDaysAgo)),
    `e2e-${randomUUID()}`,
  );
  if (created.status !== 201 || created.body['status'] !== 'SUSPECTED') {
    throw new Error(`submission not accepted as suspected: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return created.body['caseId'] as string;
}

/**
 * Waits until the bridge has started the case workflow and it has started its clocks (the API answers
 * from it). A step recorded before the clocks start is overwritten by their start (case workflow race).
 */
export async function waitForWorkflow(identification: string, caseId: string): Promise<Progress> {
  return waitFor(
    async () => {
      const progress = await progressOf(identification, caseId);
      return progress.workflow.available && (progress.workflow.deadlines?.length ?? 0) > 0 && progress;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: `the case workflow of ${caseId} with its clocks` },
  );
}

export async function recordStep(
  identification: string,
  caseId: string,
  step: string,
  result: string,
  decidedDaysAgo: number,
  extra: Record<string, unknown> = {},
): Promise<JsonResponse> {
  return post(`${identification}/api/v1/cases/${caseId}/steps`, {
    decisionId: randomUUID(),
    step,
    result,
    actor: `e2e-${step.toLowerCase()}`,
    decidedAt: instantDaysAgo(decidedDaysAgo),
    attachments: [{ name: `${step}.pdf`, contentType: 'application/pdf', sizeBytes: 1024, sha256: 'a'.repeat(64) }],
    ...extra,
  });
}

export interface ChainOptions {
  /**
   * When each step was decided, from its default age in days (28 for the response … 20 for the township
   * re-check); the steps must stay in that order and not before the discovery. Default: that many days ago.
   */
  decidedAt?: (defaultDaysAgo: number) => string;
}

/**
 * The township enters a case handled over the last weeks: response, home verification, the four-department
 * property check, village review and township re-check 20 days ago, so the 5-working-day notice has ended
 * and the workflow moves the case to county approval by itself.
 */
export async function driveToCountyApproval(
  identification: string,
  caseId: string,
  options: ChainOptions = {},
): Promise<Progress> {
  const steps: [string, string, number, Record<string, unknown>?][] = [
    ['RESPONSE', 'DONE', 28],
    ['HOME_VERIFICATION', 'DONE', 26],
    ['PROPERTY_CHECK', 'SENT', 25],
    ...DEPARTMENTS.map((department): [string, string, number, Record<string, unknown>] => [
      'PROPERTY_CHECK',
      'CLEAR',
      23,
      { department },
    ]),
    ['VILLAGE_REVIEW', 'APPROVED', 22],
    ['TOWNSHIP_RECHECK', 'APPROVED', 20],
  ];
  for (const [step, result, ago, extra] of steps) {
    const dated = options.decidedAt ? { decidedAt: options.decidedAt(ago) } : {};
    const answer = await recordStep(identification, caseId, step, result, ago, { ...dated, ...extra });
    if (answer.status !== 200)
      throw new Error(`${step} ${result} refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return waitFor(
    async () => {
      const progress = await progressOf(identification, caseId);
      return progress.currentStep === 'COUNTY_APPROVAL' && progress;
    },
    { timeoutMs: 30_000, intervalMs: 300, description: 'the ended notice to move the case to county approval' },
  );
}

export interface BatchOptions {
  /** The batch month (YYYY-MM); default this month, or the month of `decidedAt`. */
  month?: string;
  /** When the county meeting decided (an instant, not in the future); default now. */
  decidedAt?: string;
}

/** The county's monthly batch approves the case (sent with the county office's key). */
export async function approveInCountyBatch(
  identification: string,
  county: string,
  caseId: string,
  options: BatchOptions = {},
): Promise<JsonResponse> {
  const month = options.month ?? (options.decidedAt ? toShanghaiDate(options.decidedAt) : daysAgo(0)).slice(0, 7);
  const body = {
    month,
    actor: 'e2e-county-office',
    ...(options.decidedAt ? { decidedAt: options.decidedAt } : {}),
    decisions: [{ caseId, result: 'APPROVED' }],
  };
  return request('POST', `${identification}/api/v1/counties/${county}/approval-batches`, body, asCountyOffice());
}
