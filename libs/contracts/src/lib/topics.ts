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
  /** Assistance facts (helpers, plans, department tasks, visits), produced by the referral service. */
  assistanceEvents: 'prp.assistance.events.v1',
  /** Department task lists (任务清单), one topic per department code of the measure catalogue (assistance.ts). */
  deptAgricultureTasks: 'prp.dept.agriculture.tasks.v1',
  deptHumanResourcesTasks: 'prp.dept.human-resources.tasks.v1',
  deptHealthTasks: 'prp.dept.health.tasks.v1',
  deptEducationTasks: 'prp.dept.education.tasks.v1',
  deptCivilAffairsTasks: 'prp.dept.civil-affairs.tasks.v1',
  deptHousingTasks: 'prp.dept.housing.tasks.v1',
  deptWaterTasks: 'prp.dept.water.tasks.v1',
  deptFinanceTasks: 'prp.dept.finance.tasks.v1',
  deptDisabledFederationTasks: 'prp.dept.disabled-federation.tasks.v1',
  deptSocialAssistanceTasks: 'prp.dept.social-assistance.tasks.v1',
  deptRuralRevitalizationTasks: 'prp.dept.rural-revitalization.tasks.v1',
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
  { name: TOPICS.assistanceEvents, partitions: 6, description: '帮扶事实事件（帮扶服务发布）' },
  { name: TOPICS.deptAgricultureTasks, partitions: 3, description: '农业农村部门任务清单（task.created）' },
  { name: TOPICS.deptHumanResourcesTasks, partitions: 3, description: '人社部门任务清单（task.created）' },
  { name: TOPICS.deptHealthTasks, partitions: 3, description: '卫健/医保部门任务清单（task.created）' },
  { name: TOPICS.deptEducationTasks, partitions: 3, description: '教育部门任务清单（task.created）' },
  { name: TOPICS.deptCivilAffairsTasks, partitions: 3, description: '民政部门任务清单（task.created）' },
  { name: TOPICS.deptHousingTasks, partitions: 3, description: '住建部门任务清单（task.created）' },
  { name: TOPICS.deptWaterTasks, partitions: 3, description: '水利部门任务清单（task.created）' },
  { name: TOPICS.deptFinanceTasks, partitions: 3, description: '金融部门任务清单（task.created）' },
  { name: TOPICS.deptDisabledFederationTasks, partitions: 3, description: '残联任务清单（task.created）' },
  { name: TOPICS.deptSocialAssistanceTasks, partitions: 3, description: '社会帮扶任务清单（task.created）' },
  { name: TOPICS.deptRuralRevitalizationTasks, partitions: 3, description: '乡村振兴部门任务清单（task.created）' },
];
