import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Joi from 'joi';
import { catalog } from '../catalog/catalog';
import { defineEvent } from '../catalog/event-definition';
import { salesOrderPlacedV1 } from '../events/sales/order.events';
import { salesPaymentRecordedV1 } from '../events/sales/payment.events';
import {
  checkBackwardCompatibility,
  freezeFixtures,
  frozenFixtureFileName,
  parseFrozenFixtureFileName,
  readFrozenFixtures,
} from './frozen-fixtures';

const FREEZE_HINT =
  'run `pnpm --filter @mercado/contracts fixtures:freeze` and commit packages/contracts/fixtures';

describe('backward compatibility: frozen fixtures of every published (type, version)', () => {
  const frozen = readFrozenFixtures();

  it('has a frozen fixture file for every event in the catalog (' + FREEZE_HINT + ')', () => {
    const frozenNames = frozen.map((f) => f.file);
    const expected = catalog.events.map((d) => frozenFixtureFileName(d.type, d.version));
    expect(expected.filter((file) => !frozenNames.includes(file))).toEqual([]);
  });

  it('keeps every published (type, version) in the catalog: a version is never removed', () => {
    const missing = frozen.filter((f) => !catalog.find(f.type, f.version)).map((f) => f.file);
    expect(missing).toEqual([]);
  });

  it('freezes at least the current fixtures of each version', () => {
    for (const definition of catalog.events) {
      const file = frozen.find((f) => f.type === definition.type && f.version === definition.version)!;
      const known = file.fixtures.map((fixture) => JSON.stringify(fixture));
      for (const fixture of definition.fixtures) expect(known).toContain(JSON.stringify(fixture));
    }
  });

  it.each(frozen.map((f) => [f.file, f] as const))(
    'the current schema still accepts every fixture of %s',
    (_file, f) => {
      const definition = catalog.find(f.type, f.version)!;
      expect(f.fixtures.length).toBeGreaterThan(0);
      expect(checkBackwardCompatibility(definition.schema, f)).toEqual([]);
    },
  );
});

describe('checkBackwardCompatibility catches breaking changes to a published version', () => {
  // Untyped views of the schemas, to derive changed versions with fields the data types do not have.
  const untypedPlacedSchema: Joi.ObjectSchema = salesOrderPlacedV1.schema;
  const untypedPaymentSchema: Joi.ObjectSchema = salesPaymentRecordedV1.schema;
  const placed = { type: salesOrderPlacedV1.type, version: 1, fixtures: [...salesOrderPlacedV1.fixtures] };

  it('a new required field', () => {
    const changed = untypedPlacedSchema.keys({ channel: Joi.string().valid('web', 'app').required() });
    const violations = checkBackwardCompatibility(changed, placed);
    expect(violations).toHaveLength(placed.fixtures.length);
    expect(violations[0]).toMatchObject({ type: 'sales.order.placed', version: 1, fixtureIndex: 0 });
    expect(violations[0]!.details).toEqual([{ path: 'channel', message: '"channel" is required' }]);
  });

  it('a narrower range', () => {
    const payments = {
      type: salesPaymentRecordedV1.type,
      version: 1,
      fixtures: [...salesPaymentRecordedV1.fixtures],
    };
    const changed = untypedPaymentSchema.keys({
      installments: Joi.number().integer().min(1).max(2).required(),
    });
    const violations = checkBackwardCompatibility(changed, payments);
    expect(violations.map((v) => v.details[0]!.path)).toEqual(['installments']);
  });

  it('a removed field', () => {
    const changed = salesOrderPlacedV1.schema.fork(['imported'], (field) => field.forbidden());
    expect(checkBackwardCompatibility(changed, placed)[0]!.details[0]!.path).toBe('imported');
  });

  it('but not a new optional field', () => {
    const changed = untypedPlacedSchema.keys({ channel: Joi.string().valid('web', 'app') });
    expect(checkBackwardCompatibility(changed, placed)).toEqual([]);
  });
});

describe('frozen fixture files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'contracts-fixtures-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names files <type>.v<version>.json', () => {
    expect(frozenFixtureFileName('sales.order.placed', 2)).toBe('sales.order.placed.v2.json');
    expect(parseFrozenFixtureFileName('sales.order.processing-started.v12.json')).toEqual({
      type: 'sales.order.processing-started',
      version: 12,
    });
    expect(parseFrozenFixtureFileName('sales.order.placed.json')).toBeUndefined();
    expect(parseFrozenFixtureFileName('sales.order.placed.v0.json')).toBeUndefined();
  });

  it('freezes append-only: new fixtures are added, frozen ones are never changed or removed', () => {
    const v1 = defineEvent({
      ...salesPaymentRecordedV1,
      fixtures: salesPaymentRecordedV1.fixtures.slice(0, 2),
    });
    expect(freezeFixtures([v1], dir)).toEqual([path.join(dir, 'sales.payment.recorded.v1.json')]);
    expect(freezeFixtures([v1], dir)).toEqual([]);

    const edited = defineEvent({
      ...salesPaymentRecordedV1,
      fixtures: [
        salesPaymentRecordedV1.fixtures[2]!,
        { ...salesPaymentRecordedV1.fixtures[0]!, installments: 2 },
      ],
    });
    freezeFixtures([edited], dir);
    const [file] = readFrozenFixtures(dir);
    expect(file!.fixtures).toEqual([
      salesPaymentRecordedV1.fixtures[0],
      salesPaymentRecordedV1.fixtures[1],
      salesPaymentRecordedV1.fixtures[2],
      { ...salesPaymentRecordedV1.fixtures[0]!, installments: 2 },
    ]);
    expect(readFileSync(path.join(dir, file!.file), 'utf8').endsWith(']\n')).toBe(true);
  });

  it('reads nothing from a missing directory and refuses badly named or shaped files', () => {
    expect(readFrozenFixtures(path.join(dir, 'absent'))).toEqual([]);
    writeFileSync(path.join(dir, 'placed.json'), '[]');
    expect(() => readFrozenFixtures(dir)).toThrow(/placed\.json: frozen fixture files are named/);
    rmSync(path.join(dir, 'placed.json'));
    writeFileSync(path.join(dir, 'sales.order.placed.v1.json'), '{}');
    expect(() => readFrozenFixtures(dir)).toThrow(/holds a JSON array/);
  });
});
