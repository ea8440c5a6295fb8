import type {
  AssistanceEvent,
  AssistancePhase,
  AssistancePolicy,
  AssistanceWorkflowInput,
  AssistanceWorkflowState,
} from '@prp/contracts';
import { assistanceActivities, findClock, publishState, reportOverdue, resolveClock } from './assistance-clocks';
import {
  MEASURES_CLOCK_ID,
  onHelperAssigned,
  onHelperReplaced,
  onHelperUnavailable,
  startAssignmentClocks,
} from './helper-events';
import { reportDayOf, startPastReportClocks } from './past-reports';
import { endOf, firstDayOfMonth, lastDayOfMonth, monthOf, nextMonth, startsQuarter, today } from './periods';
import {
  onTaskAcknowledged,
  onTaskClosed,
  onTaskCreated,
  onTaskReported,
  onVisitRecorded,
  startMonthReports,
  startVisitClock,
} from './task-events';

/** One household's assistance: its state and the transitions events and timers make. */
export class AssistanceRun {
  readonly state: AssistanceWorkflowState;
  /** Signals received, applied in order by the main loop (handlers never interleave activity calls). */
  readonly pending: AssistanceEvent[];
  /** Set when a new calendar quarter began: a good moment to continue as new. */
  quarterRolled = false;
  private readonly published: { key?: string } = {};
  /** Report days of earlier months asked for in this run (deterministic: rebuilt the same way on replay). */
  private readonly reportDays = new Map<string, string>();
  /** What the state query answers: a copy taken after each complete step, never a half-applied event. */
  view: AssistanceWorkflowState;

  constructor(input: AssistanceWorkflowInput) {
    const carried = input.carried;
    this.pending = [...(carried?.pending ?? [])];
    this.state = carried
      ? { ...carried.state, run: carried.state.run + 1 }
      : {
          caseId: input.caseId,
          areaCode: input.areaCode,
          relocated: input.relocated ?? false,
          phase: 'AWAITING_INCLUSION',
          helpers: [],
          withoutHelper: false,
          householdsWithoutHelper: 0,
          tasks: [],
          visits: [],
          clocks: [],
          run: 1,
        };
    if (!carried && input.includedOn) this.include(input);
    this.view = this.snapshot();
  }

  private snapshot(): AssistanceWorkflowState {
    return JSON.parse(JSON.stringify(this.state)) as AssistanceWorkflowState;
  }

  get policy(): AssistancePolicy {
    if (!this.state.policy) throw new Error('assistance policy not loaded');
    return this.state.policy;
  }

  /** The inclusion (input or assistanceStarted signal); later deliveries change nothing. */
  include(input: AssistanceWorkflowInput): void {
    if (this.state.includedOn || !input.includedOn) return;
    this.state.includedOn = input.includedOn;
    this.state.relocated = input.relocated ?? this.state.relocated;
  }

  get started(): boolean {
    return this.state.policy !== undefined;
  }

  /** Loads the clock policy in force on the inclusion day and starts the first clocks. */
  async begin(): Promise<void> {
    const includedOn = this.state.includedOn ?? today();
    this.state.policy = await assistanceActivities.loadAssistancePolicy({
      areaCode: this.state.areaCode,
      on: includedOn,
    });
    await startAssignmentClocks(this.state, this.state.policy);
    await this.enterMonth(monthOf(today()));
    startVisitClock(this.state, today());
    this.refresh();
  }

  /** Timers first (a fact arriving after its due instant is late), then queued events, then a new month. */
  async tick(): Promise<void> {
    await reportOverdue(this.state);
    while (this.pending.length > 0) {
      const event = this.pending.shift() as AssistanceEvent;
      await this.apply(event);
    }
    const month = this.state.month;
    if (month && Date.parse(month.endsAt) < Date.now()) await this.rollMonth();
    await reportOverdue(this.state);
    this.refresh();
  }

  /** Earliest instant the loop must wake at without a signal: a due clock or the end of the month. */
  nextTimer(): number | undefined {
    const due = this.state.clocks.filter((c) => c.status === 'RUNNING').map((c) => Date.parse(c.dueAt));
    if (this.state.month) due.push(Date.parse(this.state.month.endsAt) + 1);
    return due.length ? Math.min(...due) : undefined;
  }

  private async apply(event: AssistanceEvent): Promise<void> {
    const { state } = this;
    switch (event.type) {
      case 'helper.assigned':
        return onHelperAssigned(state, this.policy, event.payload);
      case 'helper.unavailable':
        return onHelperUnavailable(state, this.policy, event.payload);
      case 'helper.replaced':
        return onHelperReplaced(state, event.payload);
      case 'plan.agreed':
        state.plan ??= { planId: event.payload.planId, agreedOn: event.payload.agreedOn };
        return;
      case 'measures.started':
        state.measuresStartedOn ??= event.payload.startedOn;
        return resolveClock(findClock(state, MEASURES_CLOCK_ID), event.payload.startedOn);
      case 'task.created': {
        const task = onTaskCreated(state, event.payload);
        if (task) await startPastReportClocks(state, task, this.reportDays);
        return;
      }
      case 'task.acknowledged':
        return onTaskAcknowledged(state, event.payload.taskId);
      case 'task.reported':
        return onTaskReported(state, event.payload);
      case 'task.completed':
        return onTaskClosed(state, event.payload.taskId, 'COMPLETED', event.payload.completedOn);
      case 'task.rejected':
        return onTaskClosed(state, event.payload.taskId, 'REJECTED', event.payload.rejectedOn);
      case 'visit.recorded':
        return onVisitRecorded(state, event.payload);
    }
  }

  /** The month's report day is its last working day (from the working-day calendar). */
  private async enterMonth(period: string): Promise<void> {
    const dueDate = await reportDayOf(period);
    this.state.month = { period, dueDate, dueAt: endOf(dueDate), endsAt: endOf(lastDayOfMonth(period)) };
    startMonthReports(this.state);
  }

  private async rollMonth(): Promise<void> {
    const period = nextMonth(this.state.month?.period ?? monthOf(today()));
    await this.enterMonth(period);
    if (startsQuarter(period)) {
      startVisitClock(this.state, firstDayOfMonth(period));
      this.quarterRolled = true;
    }
  }

  /** Derived fields: the phase and whether the household is without a helper. */
  refresh(): void {
    const { state } = this;
    state.withoutHelper = state.includedOn !== undefined && state.helpers.length === 0;
    state.householdsWithoutHelper = state.withoutHelper ? 1 : 0;
    state.phase = phaseOf(state);
    publishState(state, this.published);
    this.view = this.snapshot();
  }
}

function phaseOf(state: AssistanceWorkflowState): AssistancePhase {
  if (!state.includedOn) return 'AWAITING_INCLUSION';
  if (state.helpers.length === 0) return 'AWAITING_HELPER';
  if (state.helpers.some((h) => h.unavailable)) return 'REPLACING_HELPER';
  return state.measuresStartedOn ? 'ASSISTING' : 'AWAITING_MEASURES';
}
