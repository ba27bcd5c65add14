export * from './messaging-metrics.port';
export * from './metrics';
