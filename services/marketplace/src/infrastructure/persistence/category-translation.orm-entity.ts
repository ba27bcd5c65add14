import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The `category_translation` table: the English name of each Portuguese category. */
@Entity({ name: 'category_translation' })
export class CategoryTranslationOrmEntity {
  @PrimaryColumn({ name: 'category_name', type: 'text' })
  categoryName!: string;

  @Column({ name: 'english_name', type: 'text' })
  englishName!: string;
}
