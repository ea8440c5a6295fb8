import {
  DEPARTMENT_CODES,
  departmentOf,
  departmentTaskTopic,
  MEASURE_CATALOGUE,
  MEASURES,
  TOPICS,
  ALL_TOPICS,
} from '@prp/contracts';

describe('measure → department catalogue (policy.md §3)', () => {
  it.each([
    ['INDUSTRY', 'AGRICULTURE'],
    ['EMPLOYMENT', 'HUMAN_RESOURCES'],
    ['PUBLIC_WELFARE_JOB', 'HUMAN_RESOURCES'],
    ['HEALTH', 'HEALTH'],
    ['EDUCATION', 'EDUCATION'],
    ['DIBAO', 'CIVIL_AFFAIRS'],
    ['EXTREMELY_POOR_SUPPORT', 'CIVIL_AFFAIRS'],
    ['TEMPORARY_ASSISTANCE', 'CIVIL_AFFAIRS'],
    ['HOUSING', 'HOUSING'],
    ['DRINKING_WATER', 'WATER'],
    ['MICRO_CREDIT', 'FINANCE'],
    ['DISABILITY', 'DISABLED_FEDERATION'],
    ['SOCIAL_ASSISTANCE', 'SOCIAL_ASSISTANCE'],
    ['MOTIVATION_AND_SKILLS', 'RURAL_REVITALIZATION'],
  ] as const)('sends %s to %s', (measure, department) => {
    expect(departmentOf(measure)).toBe(department);
  });

  it('maps every measure, gives each a Chinese label, and leaves no department without a measure', () => {
    expect(Object.keys(MEASURE_CATALOGUE).sort()).toEqual([...MEASURES].sort());
    for (const m of MEASURES) expect(MEASURE_CATALOGUE[m].label).toMatch(/[\u4e00-\u9fa5]/);
    expect(new Set(MEASURES.map(departmentOf))).toEqual(new Set(DEPARTMENT_CODES));
  });

  it('names each department topic after its code, and declares every one for creation', () => {
    expect(departmentTaskTopic('CIVIL_AFFAIRS')).toBe('prp.dept.civil-affairs.tasks.v1');
    expect(departmentTaskTopic('DISABLED_FEDERATION')).toBe('prp.dept.disabled-federation.tasks.v1');
    const declared = new Set(ALL_TOPICS.map((t) => t.name as string));
    for (const code of DEPARTMENT_CODES) {
      expect(departmentTaskTopic(code)).toBe(`prp.dept.${code.toLowerCase().replace(/_/g, '-')}.tasks.v1`);
      expect(declared.has(departmentTaskTopic(code))).toBe(true);
    }
    expect(declared.has(TOPICS.assistanceEvents)).toBe(true);
  });
});
