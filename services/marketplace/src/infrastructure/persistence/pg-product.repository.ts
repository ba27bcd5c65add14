import { type SqlExecutor } from '@mercado/postgres';
import { type ProductListCriteria, type ProductRepository } from '../../application/ports/product.repository.port';
import { Product, type ProductSnapshot } from '../../domain/product/product.aggregate';
import { productMapper } from './marketplace.mappers';
import { type ProductOrmEntity } from './product.orm-entity';
import { columnArrays, saveVersioned } from './versioned-save';

const COLUMNS = `product_id AS "productId", category_name AS "categoryName",
  category_name_en AS "categoryNameEnglish", translation_missing AS "translationMissing",
  name_length AS "nameLength", description_length AS "descriptionLength", photos_qty AS "photosQty",
  weight_g AS "weightG", length_cm AS "lengthCm", height_cm AS "heightCm", width_cm AS "widthCm",
  anomalies, version`;

const ROWS = `UNNEST($1::text[], $2::text[], $3::text[], $4::boolean[], $5::integer[], $6::integer[],
  $7::integer[], $8::integer[], $9::integer[], $10::integer[], $11::integer[], $12::jsonb[], $13::integer[])
  AS r(product_id, category_name, category_name_en, translation_missing, name_length, description_length,
       photos_qty, weight_g, length_cm, height_cm, width_cm, anomalies, expected_version)`;

const STATEMENTS = {
  insert: `
INSERT INTO product (product_id, category_name, category_name_en, translation_missing, name_length,
  description_length, photos_qty, weight_g, length_cm, height_cm, width_cm, anomalies, version)
SELECT r.product_id, r.category_name, r.category_name_en, r.translation_missing, r.name_length,
  r.description_length, r.photos_qty, r.weight_g, r.length_cm, r.height_cm, r.width_cm,
  ARRAY(SELECT jsonb_array_elements_text(r.anomalies)), r.expected_version + 1
FROM ${ROWS}
ON CONFLICT (product_id) DO NOTHING
RETURNING product_id AS id`,
  update: `
UPDATE product p SET category_name = r.category_name, category_name_en = r.category_name_en,
  translation_missing = r.translation_missing, name_length = r.name_length,
  description_length = r.description_length, photos_qty = r.photos_qty, weight_g = r.weight_g,
  length_cm = r.length_cm, height_cm = r.height_cm, width_cm = r.width_cm,
  anomalies = ARRAY(SELECT jsonb_array_elements_text(r.anomalies)), version = p.version + 1
FROM ${ROWS}
WHERE p.product_id = r.product_id AND p.version = r.expected_version
RETURNING p.product_id AS id`,
};

type Row = ProductOrmEntity & Record<string, unknown>;

export class PgProductRepository implements ProductRepository {
  constructor(private readonly db: SqlExecutor) {}

  async findById(productId: string): Promise<Product | null> {
    const [found] = await this.findByIds([productId]);
    return found ?? null;
  }

  async findByIds(productIds: readonly string[]): Promise<Product[]> {
    if (productIds.length === 0) return [];
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM product WHERE product_id = ANY($1::text[])`, [productIds]);
    return rows.map((row) => Product.restore(productMapper.toSnapshot(row)));
  }

  async findByCategory(categoryName: string): Promise<Product[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM product WHERE category_name = $1`, [categoryName]);
    return rows.map((row) => Product.restore(productMapper.toSnapshot(row)));
  }

  async save(products: readonly Product[]): Promise<void> {
    await saveVersioned(this.db, STATEMENTS, products, (p) => p.productId, (batch) =>
      columnArrays(
        batch.map((product) => {
          const row = productMapper.toRow(product.toSnapshot());
          return [
            row.productId,
            row.categoryName,
            row.categoryNameEnglish,
            row.translationMissing,
            row.nameLength,
            row.descriptionLength,
            row.photosQty,
            row.weightG,
            row.lengthCm,
            row.heightCm,
            row.widthCm,
            JSON.stringify(row.anomalies),
            product.version,
          ];
        }),
        13,
      ),
    );
  }

  async list(criteria: ProductListCriteria): Promise<ProductSnapshot[]> {
    const filter =
      criteria.categoryName === undefined
        ? 'TRUE'
        : criteria.categoryName === null
          ? 'category_name IS NULL'
          : 'category_name = $3';
    const values: unknown[] = [criteria.afterProductId, criteria.limit];
    if (criteria.categoryName != null) values.push(criteria.categoryName);
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM product
       WHERE ${filter} AND ($1::text IS NULL OR product_id > $1::text)
       ORDER BY product_id LIMIT $2`,
      values,
    );
    return rows.map((row) => productMapper.toSnapshot(row));
  }
}
