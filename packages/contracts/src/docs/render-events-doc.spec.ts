import { existsSync, readFileSync } from 'node:fs';
import { catalog } from '../catalog/catalog';
import { DOCS_COMMAND, EVENTS_DOC_PATH, renderEventsDoc } from './render-events-doc';

describe('docs/events.md', () => {
  const rendered = renderEventsDoc(catalog);

  it(`is up to date with the catalog (if this fails, run \`${DOCS_COMMAND}\` and commit docs/events.md)`, () => {
    expect(existsSync(EVENTS_DOC_PATH)).toBe(true);
    const committed = readFileSync(EVENTS_DOC_PATH, 'utf8');
    if (committed !== rendered) {
      throw new Error(`docs/events.md is out of date: run \`${DOCS_COMMAND}\` and commit it`);
    }
  });

  it('lists every topic and every event with its version', () => {
    for (const topic of catalog.topics()) {
      expect(rendered).toContain(
        `| \`${topic.name}\` | ${topic.partitions} | \`${topic.key}\` | forever | delete |`,
      );
    }
    for (const definition of catalog.events) {
      expect(rendered).toContain(`### ${definition.type}\n\nVersion **${definition.version}**`);
      expect(rendered).toContain(`"dataschema": "urn:mercado:${definition.type}:${definition.version}"`);
    }
  });

  it('renders field types, nullability, requiredness and notes', () => {
    expect(rendered).toContain('| `lines` | array of objects, unique by line_number | yes |');
    expect(rendered).toContain('| `lines[].price_cents` | integer cents | yes | item price |');
    expect(rendered).toContain('| `weight_g` | integer ≥ 0 or null | yes |');
    expect(rendered).toContain('| `installments` | integer 0..24 | yes |');
    expect(rendered).toContain(
      '| `type` | `credit_card`, `boleto`, `voucher`, `debit_card`, `not_defined` | yes |',
    );
    expect(rendered).toContain('| `location.zip_prefix` | zip prefix (5 digits, text) | yes |');
    expect(rendered).toContain('| `title` | string, length 1..500 | no |');
    expect(rendered).toContain('| `previous_segment` | string (kebab-case), length ≤ 64 or null | yes |');
    expect(rendered).toContain('| `accounts` | array of id, at least 1, unique | yes |');
  });

  it("gives each event an example envelope whose time is the fact's own", () => {
    expect(rendered).toContain('"time": "2018-06-12T09:51:55-03:00"');
    // customer.customer.registered has no timestamp in its data: a fixed time is used.
    expect(rendered).toContain('"time": "2018-09-01T00:00:00-03:00"');
  });
});
