import { type MartVersion } from '../../application/ports/mart-version.port';
import { type SqlSession, WAREHOUSE_SCHEMA } from './sql-session';

/**
 * The marts' version in PostgreSQL: the events applied to the live schema (dw_meta.freshness, which
 * every live batch raises in its own transaction, so a committed batch always changes the sum) and the
 * live schema's oid (a rebuild swaps in a schema of its own, which a renamed schema's new oid tells).
 * A geolocation import changes neither: its caller invalidates the cache itself. One index-free read of
 * a table of one row per topic.
 */
export class PgMartVersion implements MartVersion {
  constructor(
    private readonly session: SqlSession,
    private readonly schema: string = WAREHOUSE_SCHEMA,
  ) {}

  async current(): Promise<string> {
    const { rows } = await this.session.query<{ version: string }>(
      `SELECT coalesce(to_regnamespace($1)::oid::text, '-') || ':' || coalesce(sum(events_applied), 0)::text AS version FROM dw_meta.freshness`,
      [this.schema],
    );
    return rows[0]!.version;
  }
}
