/** A seller moves: its new zip prefix, city and state (the whole address). */
export interface RelocateSellerCommand {
  sellerId: string;
  zipPrefix: string;
  city: string;
  state: string;
}
