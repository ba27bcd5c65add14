// @mercado/service-kit: what the services share at their edges. Subpaths (@mercado/service-kit/tracing,
// …/http, …) export the same parts one by one; main.ts imports …/tracing before anything else.
export * from './auth';
export * from './config';
export * from './health';
export * from './http';
export * from './lifecycle';
export * from './logging';
export * from './metrics';
export * from './tracing';
