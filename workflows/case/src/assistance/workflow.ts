import { allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  assistanceEventSignal,
  assistanceStartedSignal,
  assistanceStateQuery,
  type AssistanceWorkflowInput,
  type AssistanceWorkflowState,
} from '@prp/contracts';
import { AssistanceRun } from './assistance-run';
import { carryOver } from './carry';
import { firstMonthOfQuarter, quarterOf, today } from './periods';

/** History length after which a run continues as new even in the middle of a quarter. */
const MAX_HISTORY_EVENTS = 10_000;

/**
 * One included household's assistance (workflow id `assistance-<caseId>`): helper assignment, first
 * measures, helper replacement, quarterly visits and monthly department reports, each a clock. A miss is a
 * state (OVERDUE, reported and escalated one level up); the workflow goes on. It never ends by itself:
 * each new quarter (or a long history) continues as new, carrying the state.
 */
export async function assistanceWorkflow(input: AssistanceWorkflowInput): Promise<AssistanceWorkflowState> {
  const run = new AssistanceRun(input);
  setHandler(assistanceStartedSignal, (started) => run.include(started));
  setHandler(assistanceEventSignal, (event) => {
    run.pending.push(event);
  });
  setHandler(assistanceStateQuery, () => run.view);

  run.refresh();
  if (!run.started) {
    await condition(() => run.state.includedOn !== undefined); // events that came first wait in the queue
    await run.begin();
  }
  while (!timeToContinue(run)) {
    const timer = run.nextTimer();
    const remaining = timer === undefined ? undefined : timer - Date.now();
    const woken = () => run.pending.length > 0;
    if (remaining === undefined) await condition(woken);
    else if (remaining > 0) await condition(woken, remaining);
    await run.tick();
  }
  await condition(allHandlersFinished);
  const keepFrom = `${firstMonthOfQuarter(previousQuarter(quarterOf(today())))}-01`;
  return continueAsNew<typeof assistanceWorkflow>(carryOver(input, run.state, run.pending, keepFrom));
}

function timeToContinue(run: AssistanceRun): boolean {
  const info = workflowInfo();
  return run.quarterRolled || info.continueAsNewSuggested || info.historyLength > MAX_HISTORY_EVENTS;
}

function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(5));
  return q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
}
