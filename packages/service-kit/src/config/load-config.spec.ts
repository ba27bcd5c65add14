import Joi from 'joi';
import { ConfigError } from './config.error';
import { exitOnConfigError, loadConfig, loadConfigOrExit } from './load-config';
import { serviceConfigSchema } from './service-config';
import { devKeyFiles } from '../auth/dev-key-paths';

const schema = serviceConfigSchema({ serviceName: 'sales', defaultPort: 3001 });

describe('loadConfig with the common service schema', () => {
  it('applies the defaults when nothing is set', () => {
    const config = loadConfig(schema, {});
    expect(config).toEqual({
      NODE_ENV: 'development',
      PORT: 3001,
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/sales',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: 10_000,
      AUTH_JWKS_FILE: devKeyFiles().publicJwksFile,
      AUTH_ISSUER: 'mercado-dev',
      AUTH_AUDIENCE: 'mercado',
    });
  });

  it('converts values, splits the broker list, keeps OTEL_* variables and drops unknown ones', () => {
    const config = loadConfig(schema, {
      PORT: '8080',
      KAFKA_BROKERS: 'k1:9092, k2:29092',
      SHUTDOWN_TIMEOUT_MS: '2500',
      LOG_LEVEL: 'debug',
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      HOME: '/root',
      PATH: '/usr/bin',
    });
    expect(config.PORT).toBe(8080);
    expect(config.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:29092']);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(2500);
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.OTEL_TRACES_EXPORTER).toBe('otlp');
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(config).not.toHaveProperty('HOME');
    expect(config).not.toHaveProperty('PATH');
  });

  it('uses a JWKS URL instead of the development key file when one is given', () => {
    const config = loadConfig(schema, { AUTH_JWKS_URL: 'https://auth.example/jwks.json' });
    expect(config.AUTH_JWKS_URL).toBe('https://auth.example/jwks.json');
    expect(config.AUTH_JWKS_FILE).toBeUndefined();
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(schema, { PORT: '' }).PORT).toBe(3001);
  });

  it('names every bad variable and what it expects, without echoing values', () => {
    let error: unknown;
    try {
      loadConfig(schema, {
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@db/sales',
        KAFKA_BROKERS: 'kafka',
        LOG_LEVEL: 'loud',
        SHUTDOWN_TIMEOUT_MS: '1.5',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      [
        'Invalid configuration (5 problems):',
        '  - PORT: must be a TCP port (0-65535)',
        '  - DATABASE_URL: must be a postgres:// URL',
        '  - KAFKA_BROKERS: must be a comma-separated list of host:port',
        '  - LOG_LEVEL: must be one of [fatal, error, warn, info, debug, trace, silent]',
        '  - SHUTDOWN_TIMEOUT_MS: must be a whole number of milliseconds',
      ].join('\n'),
    );
    expect((error as ConfigError).message).not.toContain('hunter2');
  });

  it('rejects both a JWKS URL and a JWKS file', () => {
    expect(() => loadConfig(schema, { AUTH_JWKS_URL: 'https://a/jwks', AUTH_JWKS_FILE: '/tmp/jwks.json' })).toThrow(
      'AUTH_JWKS_URL / AUTH_JWKS_FILE: set only one of AUTH_JWKS_URL and AUTH_JWKS_FILE',
    );
  });

  it('requires the key source, issuer and audience in production', () => {
    expect(() => loadConfig(schema, { NODE_ENV: 'production' })).toThrow(
      [
        'Invalid configuration (3 problems):',
        '  - AUTH_ISSUER: is required',
        '  - AUTH_AUDIENCE: is required',
        '  - AUTH_JWKS_URL / AUTH_JWKS_FILE: set AUTH_JWKS_URL (a JWKS endpoint) or AUTH_JWKS_FILE (a JWKS file) in production',
      ].join('\n'),
    );
    const config = loadConfig(schema, { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://auth/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' });
    expect(config).toMatchObject({ AUTH_JWKS_URL: 'https://auth/jwks', AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' });
    expect(config.AUTH_JWKS_FILE).toBeUndefined();
  });

  it('takes a service’s own variables and a database name', () => {
    const own = serviceConfigSchema<{ BATCH_SIZE: number }>(
      { serviceName: 'warehouse', defaultPort: 3005, database: 'warehouse_db' },
      { BATCH_SIZE: Joi.number().integer().min(1).required() },
    );
    expect(() => loadConfig(own, {})).toThrow('  - BATCH_SIZE: is required');
    const config = loadConfig(own, { BATCH_SIZE: '500' });
    expect(config.BATCH_SIZE).toBe(500);
    expect(config.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/warehouse_db');
    expect(config.PORT).toBe(3005);
  });

  it('reads process.env by default', () => {
    const before = process.env.PORT;
    process.env.PORT = '4321';
    try {
      expect(loadConfig(schema).PORT).toBe(4321);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });
});

describe('exitOnConfigError', () => {
  const exit = jest.fn((code: number): never => {
    throw new Error(`exit ${code}`);
  });

  beforeEach(() => exit.mockClear());

  it('prints a ConfigError and exits 1', () => {
    const written: string[] = [];
    expect(() => exitOnConfigError(new ConfigError([{ variable: 'PORT', expected: 'must be a TCP port' }]), { write: (t) => written.push(t), exit })).toThrow('exit 1');
    expect(written).toEqual(['Invalid configuration (1 problem):\n  - PORT: must be a TCP port\n']);
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('rethrows anything else', () => {
    const other = new TypeError('boom');
    expect(() => exitOnConfigError(other, { exit })).toThrow(other);
    expect(exit).not.toHaveBeenCalled();
  });

  it('loadConfigOrExit returns the config or exits', () => {
    const written: string[] = [];
    expect(loadConfigOrExit(schema, { PORT: '1' }, { exit }).PORT).toBe(1);
    expect(() => loadConfigOrExit(schema, { PORT: 'x' }, { write: (t) => written.push(t), exit })).toThrow('exit 1');
    expect(written[0]).toContain('PORT: must be a TCP port (0-65535)');
  });
});
