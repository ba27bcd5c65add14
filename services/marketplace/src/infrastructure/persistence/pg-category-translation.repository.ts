import { type SqlExecutor } from '@mercado/postgres';
import { type CategoryTranslationRepository } from '../../application/ports/category-translation.repository.port';
import { type CategoryTranslation } from '../../domain/category-translation/category-translation.entity';
import { type CategoryTranslationOrmEntity } from './category-translation.orm-entity';
import { categoryTranslationMapper } from './marketplace.mappers';

const COLUMNS = `category_name AS "categoryName", english_name AS "englishName"`;
type Row = CategoryTranslationOrmEntity & Record<string, unknown>;

export class PgCategoryTranslationRepository implements CategoryTranslationRepository {
  constructor(private readonly db: SqlExecutor) {}

  async find(categoryName: string): Promise<CategoryTranslation | null> {
    const [found] = await this.findMany([categoryName]);
    return found ?? null;
  }

  async findMany(categoryNames: readonly string[]): Promise<CategoryTranslation[]> {
    if (categoryNames.length === 0) return [];
    const { rows } = await this.db.query<Row>(
      `SELECT ${COLUMNS} FROM category_translation WHERE category_name = ANY($1::text[])`,
      [categoryNames],
    );
    return rows.map((row) => categoryTranslationMapper.toDomain(row));
  }

  async findAll(): Promise<CategoryTranslation[]> {
    const { rows } = await this.db.query<Row>(`SELECT ${COLUMNS} FROM category_translation ORDER BY category_name`);
    return rows.map((row) => categoryTranslationMapper.toDomain(row));
  }

  async save(translations: readonly CategoryTranslation[]): Promise<void> {
    if (translations.length === 0) return;
    const rows = translations.map((t) => categoryTranslationMapper.toRow(t));
    await this.db.query(
      `INSERT INTO category_translation (category_name, english_name)
       SELECT * FROM UNNEST($1::text[], $2::text[])
       ON CONFLICT (category_name) DO UPDATE SET english_name = EXCLUDED.english_name`,
      [rows.map((r) => r.categoryName), rows.map((r) => r.englishName)],
    );
  }
}
