/** A seller joins the marketplace. */
export interface OnboardSellerCommand {
  sellerId: string;
  /** Five digits, leading zeros kept. */
  zipPrefix: string;
  city: string;
  /** UF code. */
  state: string;
}
