// Loaded first by main.ts, before express, http and pg: it must not import them.
export * from './trace-headers';
export * from './tracing';
