export * from './lib/wait-for';
export * from './lib/stack-env';
