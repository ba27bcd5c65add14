import { parseBrazilianState } from '../../../domain/seller/brazilian-state';
import { type SellerSnapshot, type SellerState } from '../../../domain/seller/seller.aggregate';
import { type SellerRepository } from '../../ports/seller.repository.port';
import { decodeCursor, type Page, pageLimit, pageOf } from '../../shared/pagination';

export interface ListSellersQuery {
  /** UF code. */
  state?: string | null;
  cursor?: string | null;
  limit?: number;
}

/** The sellers, ordered by seller id, optionally of one state. */
export class ListSellersHandler {
  constructor(private readonly sellers: SellerRepository) {}

  async execute(query: ListSellersQuery): Promise<Page<SellerState>> {
    const limit = pageLimit(query.limit);
    const after = query.cursor == null ? null : decodeCursor(query.cursor, ['sellerId'] as const).sellerId;
    const rows = await this.sellers.list({
      ...(query.state == null ? {} : { state: parseBrazilianState(query.state, 'state') }),
      afterSellerId: after,
      limit: limit + 1,
    });
    return pageOf(rows, limit, (row) => ({ sellerId: row.sellerId }), stateOf);
  }
}

function stateOf({ version: _version, ...state }: SellerSnapshot): SellerState {
  return state;
}
