/**
 * The five Mercado services as the deployment files must describe them. Ports are the services'
 * defaults (PORT), the same in docker-compose.yml, Prometheus, the Dockerfile's build arguments and
 * Kubernetes. `scalesOut` says whether more than one replica may run (Kubernetes gives it an HPA).
 */
export interface PlatformService {
  readonly name: string;
  readonly port: number;
  readonly packageName: string;
  readonly scalesOut: boolean;
}

function service(name: string, port: number, scalesOut: boolean): PlatformService {
  return { name, port, packageName: `@mercado/${name}-service`, scalesOut };
}

export const PLATFORM_SERVICES: readonly PlatformService[] = [
  service('sales', 3001, true),
  service('customer', 3002, true),
  service('fulfillment', 3003, true),
  service('marketplace', 3004, true),
  // The warehouse rebuilds marts with set-based SQL that must not run twice at once: one replica.
  service('warehouse', 3005, false),
];

export function platformService(name: string): PlatformService | undefined {
  return PLATFORM_SERVICES.find((candidate) => candidate.name === name);
}
