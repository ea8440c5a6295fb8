export * from './lib/data-source';
export * from './lib/test-database';
export * from './lib/errors';
export * from './lib/time-ordered-id';
