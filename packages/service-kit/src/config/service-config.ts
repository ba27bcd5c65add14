import Joi from 'joi';
import { DEV_AUDIENCE, DEV_ISSUER, devKeyFiles } from '../auth/dev-key-paths';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The variables every service reads. OTEL_* variables pass through untouched for the OpenTelemetry SDK. */
export interface ServiceConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  PORT: number;
  HOST: string;
  DATABASE_URL: string;
  KAFKA_BROKERS: string[];
  LOG_LEVEL: LogLevel;
  SHUTDOWN_TIMEOUT_MS: number;
  AUTH_JWKS_URL?: string;
  AUTH_JWKS_FILE?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  [otel: `OTEL_${string}`]: string | undefined;
}

const BROKER_LIST = /^\s*[^\s,:]+:\d{1,5}\s*(,\s*[^\s,:]+:\d{1,5}\s*)*$/;
const notProduction = { not: 'production' } as const;

/** Schema pieces, for services that compose their own schema. */
export const configFields = {
  nodeEnv: () => Joi.string().valid('development', 'test', 'production').default('development'),
  port: (defaultPort: number) => Joi.number().port().default(defaultPort).messages({ 'number.port': 'must be a TCP port (0-65535)', 'number.base': 'must be a TCP port (0-65535)' }),
  host: () => Joi.string().hostname().default('0.0.0.0'),
  databaseUrl: (database: string) =>
    Joi.string()
      .uri({ scheme: ['postgres', 'postgresql'] })
      .default(`postgres://postgres@127.0.0.1:5432/${database}`)
      .messages({ 'string.uriCustomScheme': 'must be a postgres:// URL', 'string.uri': 'must be a postgres:// URL' }),
  kafkaBrokers: () =>
    Joi.string()
      .pattern(BROKER_LIST)
      .default(() => ['127.0.0.1:9092'])
      .custom((value: string) => value.split(',').map((broker) => broker.trim()))
      .messages({ 'string.pattern.base': 'must be a comma-separated list of host:port' }),
  logLevel: () => Joi.string().valid(...LOG_LEVELS).default('info'),
  shutdownTimeoutMs: () =>
    Joi.number().integer().min(0).default(10_000).messages({ 'number.base': 'must be a whole number of milliseconds', 'number.integer': 'must be a whole number of milliseconds' }),
  jwksUrl: () => Joi.string().uri({ scheme: ['http', 'https'] }).messages({ 'string.uriCustomScheme': 'must be an http(s) URL', 'string.uri': 'must be an http(s) URL' }),
  // In development the services trust the local key pair minted by `mint-token`, unless a URL is set.
  jwksFile: () =>
    Joi.string().when('NODE_ENV', {
      ...notProduction,
      then: Joi.string().default((parent: { AUTH_JWKS_URL?: string }) => (parent.AUTH_JWKS_URL ? undefined : devKeyFiles().publicJwksFile)),
    }),
  issuer: () => Joi.string().when('NODE_ENV', { ...notProduction, then: Joi.string().default(DEV_ISSUER), otherwise: Joi.string().required() }),
  audience: () => Joi.string().when('NODE_ENV', { ...notProduction, then: Joi.string().default(DEV_AUDIENCE), otherwise: Joi.string().required() }),
};

export interface ServiceConfigOptions {
  /** Names the default database (postgres://postgres@127.0.0.1:5432/<database>); defaults to serviceName. */
  serviceName: string;
  defaultPort: number;
  database?: string;
}

/**
 * The common schema, extended with a service's own variables:
 * `loadConfig(serviceConfigSchema({ serviceName: 'sales', defaultPort: 3001 }, { BATCH_SIZE: Joi.number() }))`.
 */
export function serviceConfigSchema<Extra extends object = object>(
  options: ServiceConfigOptions,
  extra: Joi.PartialSchemaMap<Extra> = {},
): Joi.ObjectSchema<ServiceConfig & Extra> {
  return Joi.object({
    NODE_ENV: configFields.nodeEnv(),
    PORT: configFields.port(options.defaultPort),
    HOST: configFields.host(),
    DATABASE_URL: configFields.databaseUrl(options.database ?? options.serviceName),
    KAFKA_BROKERS: configFields.kafkaBrokers(),
    LOG_LEVEL: configFields.logLevel(),
    SHUTDOWN_TIMEOUT_MS: configFields.shutdownTimeoutMs(),
    AUTH_JWKS_URL: configFields.jwksUrl(),
    AUTH_JWKS_FILE: configFields.jwksFile(),
    AUTH_ISSUER: configFields.issuer(),
    AUTH_AUDIENCE: configFields.audience(),
    ...extra,
  })
    .pattern(/^OTEL_/, Joi.string())
    .oxor('AUTH_JWKS_URL', 'AUTH_JWKS_FILE')
    .when(Joi.object({ NODE_ENV: Joi.valid('production').required() }).unknown(), {
      then: Joi.object().xor('AUTH_JWKS_URL', 'AUTH_JWKS_FILE'),
    })
    .messages({
      'object.oxor': 'set only one of AUTH_JWKS_URL and AUTH_JWKS_FILE',
      'object.xor': 'set only one of AUTH_JWKS_URL and AUTH_JWKS_FILE',
      'object.missing': 'set AUTH_JWKS_URL (a JWKS endpoint) or AUTH_JWKS_FILE (a JWKS file) in production',
    }) as unknown as Joi.ObjectSchema<ServiceConfig & Extra>;
}
