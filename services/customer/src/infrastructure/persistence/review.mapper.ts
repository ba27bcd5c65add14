import { Review } from '../../domain/review/review.aggregate';
import { type ReviewOrmEntity } from './review.orm-entity';

/** Converts between the Review aggregate and its row. */
export const ReviewMapper = {
  toRow(review: Review): ReviewOrmEntity {
    return { ...review.toSnapshot() };
  },
  toDomain(row: ReviewOrmEntity): Review {
    return Review.restore({ ...row });
  },
};
