/**
 * Kafka topics of the platform. Names are versioned; every message is keyed by the case id so one
 * household's events stay ordered within a partition.
 */
export const TOPICS = {
  /** Facts about a case recorded by the identification service. */
  caseEvents: 'prp.case.events.v1',
  /** Facts about statutory clocks, produced by the case workflow's activities. */
  deadlineEvents: 'prp.deadline.events.v1',
  /** Messages that failed validation or processing, with their error. Never lost. */
  deadLetter: 'prp.dead-letter.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicSpec {
  name: TopicName;
  partitions: number;
  description: string;
}

/** Every topic the platform needs; `npm run topics` creates them (automatic creation is off). */
export const ALL_TOPICS: readonly TopicSpec[] = [
  { name: TOPICS.caseEvents, partitions: 6, description: '案件事实事件（识别服务发布）' },
  { name: TOPICS.deadlineEvents, partitions: 6, description: '时限事件（案件工作流发布）' },
  { name: TOPICS.deadLetter, partitions: 1, description: '死信：校验或处理失败的消息及其错误' },
];
