// Domain: the model, the expectation kinds and their builders, the score and the gate.
export * from './domain/identifier/sql-identifier';
export * from './domain/expectation/expectation';
export * from './domain/expectation/expectation.builders';
export * from './domain/suite/suite';
export * from './domain/result/expectation-result';
export * from './domain/run/quality-run';
export * from './domain/score/score';
export * from './domain/gate/quality-gate';
// Application: the run use case, its ports and the data docs model.
export * from './application/ports/expectation-executor.port';
export * from './application/ports/quality-run.store.port';
export * from './application/ports/quality-read-model.port';
export * from './application/commands/run-quality-suites/run-quality-suites.handler';
export * from './application/queries/data-docs-model/data-docs-model.query';
// Infrastructure: PostgreSQL (compiler, executor, schema, store, queries), the runner, the gauges.
export * from './infrastructure/sql/expectation.compiler';
export * from './infrastructure/sql/pg-expectation.executor';
export * from './infrastructure/sql/quality-schema';
export * from './infrastructure/sql/pg-quality-run.store';
export * from './infrastructure/sql/pg-quality.queries';
export * from './infrastructure/quality-runner';
export * from './infrastructure/metrics/quality-score.gauge';
// Interface: the data docs page.
export * from './interface/data-docs/data-docs.renderer';
// The warehouse's suites.
export * from './suites/warehouse.suites';
