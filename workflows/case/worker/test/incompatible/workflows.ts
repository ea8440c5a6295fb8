import { proxyActivities, sleep } from '@temporalio/workflow';
import type { CaseActivities, CaseWorkflowInput } from '@prp/contracts';

const { computeDeadline } = proxyActivities<CaseActivities>({ startToCloseTimeout: '30 seconds' });

/** A deliberately incompatible edit (a new timer before the first activity), used by the replay test. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  await sleep('1 minute');
  await computeDeadline({ from: input.discoveredOn, workingDays: 5 });
}
