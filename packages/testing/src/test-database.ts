import { Client } from 'pg';
import { uniqueName } from './names';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a throwaway database on the server of `serverUrl`; drop() removes it, closing open sessions. */
export async function createTestDatabase(serverUrl: string, prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(`t_${prefix}`);
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
