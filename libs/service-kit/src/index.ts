export * from './lib/config';
export * from './lib/logger';
export * from './lib/validation';
export * from './lib/health';
export * from './lib/bootstrap';
export * from './lib/infrastructure';
