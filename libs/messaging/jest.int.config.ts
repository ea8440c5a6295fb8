// Integration tests against the real PostgreSQL and Kafka of deploy/local (stack.sh up); run in band.
export default {
  displayName: 'messaging-int',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  testTimeout: 60_000,
};
