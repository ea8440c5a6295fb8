// Integration and end-to-end tests: real PostgreSQL, Kafka and Temporal (deploy/local/stack.sh), run in band.
export default {
  projects: [
    {
      displayName: 'integration',
      preset: './jest.preset.js',
      rootDir: '.',
      testMatch: [
        '<rootDir>/libs/*/src/**/*.int-spec.ts',
        '<rootDir>/services/*/src/**/*.int-spec.ts',
        '<rootDir>/e2e/**/*.e2e-spec.ts',
      ],
    },
  ],
  testTimeout: 120_000,
};
