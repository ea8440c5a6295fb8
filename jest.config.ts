// Every unit-test project in one Jest run (integration and end-to-end tests live in jest.integration.config.ts).
export default {
  projects: [
    '<rootDir>/libs/contracts',
    '<rootDir>/libs/calendar',
    '<rootDir>/libs/messaging',
    '<rootDir>/libs/persistence',
    '<rootDir>/libs/service-kit',
    '<rootDir>/services/identification',
    '<rootDir>/services/referral',
    '<rootDir>/services/reporting',
    '<rootDir>/workflows/case',
    '<rootDir>/workflows/case/worker',
  ],
};
