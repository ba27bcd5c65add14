import { type Review } from '../../domain/review/review.aggregate';
import { instantToSaoPauloIso } from '../../domain/shared/sao-paulo-time';

export interface ReviewView {
  reviewId: string;
  orderId: string;
  score: number;
  title: string | null;
  message: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export function toReviewView(review: Review): ReviewView {
  return {
    reviewId: review.reviewId,
    orderId: review.orderId,
    score: review.score,
    title: review.title,
    message: review.message,
    createdAt: instantToSaoPauloIso(review.createdAt),
    answeredAt: review.answeredAt ? instantToSaoPauloIso(review.answeredAt) : null,
  };
}
