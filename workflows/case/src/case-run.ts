import { ApplicationFailure, condition, uuid4 } from '@temporalio/workflow';
import {
  APPROVAL_FLOW_VERSION,
  PROPERTY_CHECK_DEPARTMENTS,
  STEP_OUT_OF_ORDER,
  type CaseOutcome,
  type CaseRespondedSignal,
  type CaseWorkflowInput,
  type CaseWorkflowState,
  type ClockPolicy,
  type StepDecision,
} from '@prp/contracts';
import {
  activities,
  findClock, meetClock, pauseClock, publishState, reportOverdue, resumeClock, shanghaiDate, startClock, startCountyBatchClock,
} from './clocks';
import { dateRefusal, refusal } from './steps';

/** One case on the approval chain: its state, and the transitions decisions and timers make. */
export class CaseRun {
  readonly state: CaseWorkflowState;
  policy?: ClockPolicy;
  /** Bumped on every change the main loop must look at. */
  changes = 0;
  private busy = false;
  private responded?: CaseRespondedSignal;

  constructor(private readonly input: CaseWorkflowInput) {
    const step = input.colour === 'BLUE' ? 'BLUE_WATCH' : 'AWAITING_RESPONSE';
    this.state = { caseId: input.caseId, step, deadlines: [], flowVersion: input.flowVersion ?? APPROVAL_FLOW_VERSION, paused: [], decisions: [], round: 1 };
  }

  /** Runs `work` alone: decisions and timers never interleave their activity calls. */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await condition(() => !this.busy);
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
      this.changes += 1;
      publishState(this.input, this.state);
    }
  }

  applied(decision: StepDecision): boolean {
    return (this.state.decisions ?? []).some((d) => d.decisionId === decision.decisionId);
  }

  /** recordStep validator: refuses before the update is written to history, so a refused step changes nothing. */
  validate(decision: StepDecision): void {
    if (this.applied(decision)) return;
    const reason = refusal(this.state, decision) ?? dateRefusal(this.state, decision, this.input.discoveredOn);
    if (reason) throw ApplicationFailure.create({ message: reason, type: STEP_OUT_OF_ORDER, nonRetryable: true });
  }

  async record(decision: StepDecision): Promise<CaseWorkflowState> {
    // A step that arrives while the clock policy is still loading waits for the clocks: starting them would
    // otherwise put the case back at AWAITING_RESPONSE and lose the step.
    await condition(() => this.policy !== undefined);
    return this.exclusive(async () => {
      if (this.applied(decision)) return this.state;
      this.validate(decision); // the state may have moved while this update waited for its turn
      await this.apply(decision);
      this.state.decisions?.push(decision);
      return this.state;
    });
  }

  /** The old caseResponded signal counts as RESPONSE DONE (applied by the main loop). */
  onResponded(signal: CaseRespondedSignal): void {
    this.responded ??= signal;
    this.changes += 1;
  }

  async startClocks(from: string, policy: ClockPolicy): Promise<void> {
    await this.exclusive(async () => {
      this.policy = policy;
      this.state.policy = policy;
      this.state.step = 'AWAITING_RESPONSE';
      await startClock(this.state, 'RESPONSE', from, policy.responseWorkingDays);
      await startClock(this.state, 'DETERMINATION', from, policy.verificationWorkingDays);
    });
  }

  /** Timers and pending signals: overdue clocks, the end of the notice period, a signalled response. */
  async tick(): Promise<void> {
    await this.exclusive(async () => {
      const { state } = this;
      if (this.responded && state.step === 'AWAITING_RESPONSE') this.applyResponse(this.responded);
      await reportOverdue(this.input, state);
      if (state.step === 'PUBLIC_NOTICE' && state.notice && Date.parse(state.notice.endsAt) <= Date.now()) {
        const passed = { decisionId: uuid4(), step: 'PUBLIC_NOTICE' as const, result: 'PASSED' as const, attachments: [] };
        // Dated at the end of the notice period: that is when it passed, however late the worker noticed.
        state.decisions?.push({ ...passed, actor: '系统（公示期满无异议）', decidedAt: state.notice.endsAt });
        state.step = 'COUNTY_APPROVAL'; // reached on the last day of the notice period
        await startCountyBatchClock(state, state.notice.endDate, this.policy?.countyBatchMinWorkingDays ?? 0);
      }
    });
  }

  /** Earliest instant the main loop must wake up at without a signal (ms). */
  nextTimer(): number | undefined {
    const { state } = this;
    const due = state.deadlines.filter((d) => d.status === 'RUNNING').map((d) => Date.parse(d.dueAt));
    if (state.step === 'PUBLIC_NOTICE' && state.notice) due.push(Date.parse(state.notice.endsAt));
    return due.length ? Math.min(...due) : undefined;
  }

  hasPendingResponse(): boolean {
    return this.responded !== undefined && this.state.step === 'AWAITING_RESPONSE';
  }

  private applyResponse(signal: CaseRespondedSignal): void {
    meetClock(findClock(this.state, 'RESPONSE'), signal.respondedAt);
    const decision = { decisionId: uuid4(), step: 'RESPONSE' as const, result: 'DONE' as const, attachments: [] };
    this.state.decisions?.push({ ...decision, actor: signal.respondedBy, decidedAt: signal.respondedAt });
    this.state.step = 'HOME_VERIFICATION';
  }

  private async apply(decision: StepDecision): Promise<void> {
    const { state } = this;
    const rejected = decision.result === 'REJECTED';
    switch (decision.step) {
      case 'RESPONSE':
        meetClock(findClock(state, 'RESPONSE'), decision.decidedAt);
        state.step = 'HOME_VERIFICATION';
        return;
      case 'HOME_VERIFICATION':
        if (rejected) return this.finish('REJECTED', decision.decidedAt);
        state.step = 'PROPERTY_CHECK';
        state.propertyAnswers = undefined;
        return;
      case 'PROPERTY_CHECK':
        return this.applyPropertyCheck(decision);
      case 'VILLAGE_REVIEW':
        if (rejected) return this.finish('REJECTED', decision.decidedAt);
        state.step = 'TOWNSHIP_RECHECK';
        return;
      case 'TOWNSHIP_RECHECK':
        if (rejected) return this.finish('REJECTED', decision.decidedAt);
        return this.startNotice(decision.decidedAt);
      case 'PUBLIC_NOTICE': // OBJECTED: back to home verification, a new round
        state.round = (state.round ?? 1) + 1;
        state.notice = undefined;
        state.step = 'HOME_VERIFICATION';
        return;
      case 'COUNTY_APPROVAL':
        return this.finish(rejected ? 'REJECTED' : 'INCLUDED', decision.decidedAt);
    }
  }

  private async applyPropertyCheck(decision: StepDecision): Promise<void> {
    const { state } = this;
    const clock = findClock(state, 'DETERMINATION');
    if (decision.result === 'SENT') {
      state.propertyAnswers = [];
      return pauseClock(state, clock, '财产检索会签中');
    }
    if (decision.department) state.propertyAnswers?.push(decision.department);
    if ((state.propertyAnswers?.length ?? 0) < PROPERTY_CHECK_DEPARTMENTS.length) return;
    await resumeClock(state, clock);
    state.step = 'VILLAGE_REVIEW';
  }

  /**
   * Township re-check approved: determination met, the notice period of N working days starts on the day of
   * the re-check. A re-check entered after the fact (补录) started its notice on the day it was decided; a
   * decidedAt in the future counts as today.
   */
  private async startNotice(decidedAt: string): Promise<void> {
    const { state } = this;
    meetClock(findClock(state, 'DETERMINATION'), decidedAt);
    const workingDays = this.policy?.publicNoticeWorkingDays ?? 0;
    const startedOn = shanghaiDate(Math.min(Date.parse(decidedAt), Date.now()));
    const due = await activities.computeDeadline({ from: startedOn, workingDays });
    state.notice = { round: state.round ?? 1, workingDays, startedOn, endDate: due.dueDate, endsAt: due.dueAt };
    state.step = 'PUBLIC_NOTICE';
  }

  private finish(outcome: CaseOutcome, at: string): void {
    for (const clock of this.state.deadlines) meetClock(clock, at);
    const open = this.state.paused?.find((p) => p.until === undefined);
    if (open) open.until = at;
    this.state.step = outcome;
    this.state.outcome = outcome;
  }
}
