export * from './database-url';
export * from './errors';
export * from './pool';
export * from './copy';
export * from './data-source';
