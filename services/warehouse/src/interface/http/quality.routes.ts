import { type RouteDefinition } from '@mercado/service-kit';
import { type QualityRun, type RunSummary, type Severity, type StoredResult, type SuiteRunSummary, type Trigger } from '@mercado/quality';
import Joi from 'joi';

const READ = ['warehouse:read'];
const WRITE = ['warehouse:write'];
const TAGS = ['quality'];
const TRIGGERS: Trigger[] = ['batch', 'schedule', 'on-demand'];
const RUN_VALUE_NAME = /^[a-z_][a-z0-9_]*$/;
const count = Joi.number().integer().min(0);

/** What the quality routes need from the warehouse's quality wiring. */
export interface QualityApi {
  suiteNames: readonly string[];
  latest(trigger?: Trigger): Promise<{ latestRun: RunSummary | null; suites: SuiteRunSummary[] }>;
  failing(query: { suite?: string; severity?: Severity; trigger?: Trigger }): Promise<StoredResult[]>;
  runOnDemand(request: { params: Record<string, number>; inputs: { rejectedRows?: number; deadLetters?: number }; suites?: string[] }): Promise<QualityRun>;
  dataDocs(): Promise<string>;
}

/** How a run's or a suite's expectations came out. */
const outcomeCounts = { evaluated: count, passed: count, failed: count, errored: count, skipped: count };
const scoreSchema = Joi.object({ value: Joi.number(), ...outcomeCounts }).unknown();
const runSummarySchema = Joi.object({
  runId: Joi.string(),
  trigger: Joi.string().valid(...TRIGGERS),
  startedAt: Joi.date(),
  finishedAt: Joi.date(),
  score: Joi.number(),
  evaluated: count,
  params: Joi.object().pattern(Joi.string(), Joi.number()),
  inputs: Joi.object({ rejectedRows: count, deadLetters: count }),
  suites: Joi.array().items(Joi.string()),
});
const suiteRunSchema = Joi.object({
  suite: Joi.string(),
  layer: Joi.string(),
  trigger: Joi.string().valid(...TRIGGERS),
  runId: Joi.string(),
  startedAt: Joi.date(),
  score: Joi.number(),
  ...outcomeCounts,
}).unknown();
const resultSchema = Joi.object({
  suite: Joi.string(),
  expectationId: Joi.string(),
  kind: Joi.string(),
  table: Joi.string(),
  columns: Joi.array().items(Joi.string()),
  severity: Joi.string().valid('error', 'warning'),
  status: Joi.string().valid('failed', 'error'),
  observedValue: Joi.object().unknown(),
  unexpectedCount: count.allow(null),
  elementCount: count.allow(null),
  sample: Joi.array().items(Joi.object().pattern(Joi.string(), Joi.string().allow(null))),
  error: Joi.string(),
}).unknown();

/** The answer to an on-demand run: its scores, each suite's, and the failing expectations heaviest first. */
export function runAnswer(run: QualityRun) {
  const { failing, ...score } = run.score;
  return {
    id: run.id,
    trigger: run.trigger,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    params: run.params,
    inputs: run.inputs,
    score,
    suites: run.suites.map((s) => ({ suite: s.suite, layer: s.layer, score: s.score.value, evaluated: s.score.evaluated, failed: s.score.failed, errored: s.score.errored, skipped: s.score.skipped })),
    failing,
  };
}

/**
 * `/quality`: the latest stored runs and their failing expectations (warehouse:read), an on-demand run
 * (warehouse:write) and the data docs page. Every figure is read from the warehouse's quality schema.
 */
export function qualityRoutes(api: QualityApi): RouteDefinition[] {
  const suite = Joi.string()
    .valid(...api.suiteNames)
    .messages({ 'any.only': '{{#label}} must be a declared suite' });
  return [
    {
      method: 'get',
      path: '/quality',
      tags: TAGS,
      summary: 'The latest quality run, and the latest run of each suite with its score',
      scopes: READ,
      validate: { query: Joi.object({ trigger: Joi.string().valid(...TRIGGERS) }) },
      responses: { 200: { description: 'Scores (0..1) and counts', schema: Joi.object({ latestRun: runSummarySchema.allow(null), suites: Joi.array().items(suiteRunSchema) }) } },
      handler: async (req, res) => {
        const { trigger } = req.query as { trigger?: Trigger };
        res.set('Cache-Control', 'no-store').json(await api.latest(trigger));
      },
    },
    {
      method: 'get',
      path: '/quality/failing',
      tags: TAGS,
      summary: 'Failed and errored expectations of each suite’s latest run, with samples of the unexpected rows',
      description: 'Heaviest first (weight × severity factor, error 3, warning 1). A sample holds at most 20 rows, every value as text.',
      scopes: READ,
      validate: { query: Joi.object({ suite, severity: Joi.string().valid('error', 'warning'), trigger: Joi.string().valid(...TRIGGERS) }) },
      responses: { 200: { description: 'The failing expectations', schema: Joi.object({ items: Joi.array().items(resultSchema) }) } },
      handler: async (req, res) => {
        const query = req.query as { suite?: string; severity?: Severity; trigger?: Trigger };
        res.set('Cache-Control', 'no-store').json({ items: await api.failing(query) });
      },
    },
    {
      method: 'post',
      path: '/quality/runs',
      tags: TAGS,
      summary: 'Run the full suites now (or some of them) and answer the run with its score',
      description:
        '`params` are run values some expectations compare with: `orders` (orders the import published), `imported_rows` ' +
        '(rows the import read, the rejected share’s denominator). `inputs` are what ingestion lost before the warehouse: ' +
        '`rejectedRows` (CSV rows rejected by the reader or the services) and `deadLetters` (dead-lettered events); both are ' +
        'stored on the run and shown on the data docs. Waits for a run under way to finish first.',
      scopes: WRITE,
      validate: {
        body: Joi.object({
          params: Joi.object()
            .pattern(RUN_VALUE_NAME, Joi.number().min(0).required())
            .messages({ 'object.unknown': '{{#label}} is not a run parameter name (lower-case letters, digits, _)' })
            .default({}),
          inputs: Joi.object({ rejectedRows: count, deadLetters: count }).default({}),
          suites: Joi.array().items(suite).min(1).unique(),
        }),
      },
      responses: {
        201: {
          description: 'The run, stored',
          schema: Joi.object({
            id: Joi.string(),
            trigger: Joi.string().valid('on-demand'),
            startedAt: Joi.date(),
            finishedAt: Joi.date(),
            params: Joi.object().pattern(Joi.string(), Joi.number()),
            inputs: Joi.object({ rejectedRows: count, deadLetters: count }),
            score: scoreSchema,
            suites: Joi.array().items(Joi.object().unknown()),
            failing: Joi.array().items(Joi.object().unknown()),
          }),
        },
      },
      handler: async (req, res) => {
        const body = req.body as { params: Record<string, number>; inputs: { rejectedRows?: number; deadLetters?: number }; suites?: string[] };
        const run = await api.runOnDemand({ params: body.params, inputs: body.inputs, ...(body.suites ? { suites: body.suites } : {}) });
        res.status(201).json(runAnswer(run));
      },
    },
    {
      method: 'get',
      path: '/quality/docs',
      tags: TAGS,
      summary: 'The data docs: one self-contained HTML page of every suite, expectation, latest result and score history',
      scopes: READ,
      responses: { 200: { description: 'The page', contentType: 'text/html', schema: Joi.string() } },
      handler: async (_req, res) => {
        res.set('Cache-Control', 'no-store').type('html').send(await api.dataDocs());
      },
    },
  ];
}
