/** The five services the platform runs, with their default ports and databases. */
export interface PlatformService {
  name: 'sales' | 'customer' | 'fulfillment' | 'marketplace' | 'warehouse';
  port: number;
  database: string;
}

export const platformServices: readonly PlatformService[] = [
  { name: 'sales', port: 3001, database: 'sales' },
  { name: 'customer', port: 3002, database: 'customer' },
  { name: 'fulfillment', port: 3003, database: 'fulfillment' },
  { name: 'marketplace', port: 3004, database: 'marketplace' },
  { name: 'warehouse', port: 3005, database: 'warehouse' },
];

export function serviceUrl(service: PlatformService, host = '127.0.0.1'): string {
  return `http://${host}:${service.port}`;
}
