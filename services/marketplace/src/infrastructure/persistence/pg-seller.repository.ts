import { type SqlExecutor } from '@mercado/postgres';
import { type SellerListCriteria, type SellerRepository } from '../../application/ports/seller.repository.port';
import { Seller, type SellerSnapshot } from '../../domain/seller/seller.aggregate';
import { sellerMapper } from './marketplace.mappers';
import { type SellerOrmEntity } from './seller.orm-entity';
import { columnArrays, saveVersioned } from './versioned-save';

const COLUMNS = `seller_id AS "sellerId", zip_prefix AS "zipPrefix", city, normalized_city AS "normalizedCity",
  city_is_numeric AS "cityIsNumeric", state, anomalies, version`;

const ROWS = `UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::jsonb[], $8::integer[])
  AS r(seller_id, zip_prefix, city, normalized_city, city_is_numeric, state, anomalies, expected_version)`;

const STATEMENTS = {
  insert: `
INSERT INTO seller (seller_id, zip_prefix, city, normalized_city, city_is_numeric, state, anomalies, version)
SELECT r.seller_id, r.zip_prefix, r.city, r.normalized_city, r.city_is_numeric, r.state,
  ARRAY(SELECT jsonb_array_elements_text(r.anomalies)), r.expected_version + 1
FROM ${ROWS}
ON CONFLICT (seller_id) DO NOTHING
RETURNING seller_id AS id`,
  update: `
UPDATE seller s SET zip_prefix = r.zip_prefix, city = r.city, normalized_city = r.normalized_city,
  city_is_numeric = r.city_is_numeric, state = r.state,
  anomalies = ARRAY(SELECT jsonb_array_elements_text(r.anomalies)), version = s.version + 1
FROM ${ROWS}
WHERE s.seller_id = r.seller_id AND s.version = r.expected_version
RETURNING s.seller_id AS id`,
};

type Row = SellerOrmEntity & Record<string, unknown>;

export class PgSellerRepository implements SellerRepository {
  constructor(private readonly db: SqlExecutor) {}

  async findById(sellerId: string): Promise<Seller | null> {
    const [found] = await this.findByIds([sellerId]);
    return found ?? null;
  }

  async findByIds(sellerIds: readonly string[]): Promise<Seller[]> {
    if (sellerIds.length === 0) return [];
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM seller WHERE seller_id = ANY($1::text[])`, [sellerIds]);
    return rows.map((row) => Seller.restore(sellerMapper.toSnapshot(row)));
  }

  async save(sellers: readonly Seller[]): Promise<void> {
    await saveVersioned(this.db, STATEMENTS, sellers, (s) => s.sellerId, (batch) =>
      columnArrays(
        batch.map((seller) => {
          const row = sellerMapper.toRow(seller.toSnapshot());
          return [
            row.sellerId,
            row.zipPrefix,
            row.city,
            row.normalizedCity,
            row.cityIsNumeric,
            row.state,
            JSON.stringify(row.anomalies),
            seller.version,
          ];
        }),
        8,
      ),
    );
  }

  async list(criteria: SellerListCriteria): Promise<SellerSnapshot[]> {
    const values: unknown[] = [criteria.afterSellerId, criteria.limit];
    if (criteria.state !== undefined) values.push(criteria.state);
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM seller
       WHERE ${criteria.state === undefined ? 'TRUE' : 'state = $3'} AND ($1::text IS NULL OR seller_id > $1::text)
       ORDER BY seller_id LIMIT $2`,
      values,
    );
    return rows.map((row) => sellerMapper.toSnapshot(row));
  }
}
