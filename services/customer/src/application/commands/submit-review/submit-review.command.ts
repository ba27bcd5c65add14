export interface SubmitReviewCommand {
  reviewId: string;
  orderId: string;
  /** 1..5. */
  score: number;
  title?: string | null;
  message?: string | null;
  /** When the survey was sent; defaults to the clock's now. */
  createdAt?: Date;
  answeredAt?: Date | null;
}
