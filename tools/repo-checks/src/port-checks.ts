import { PLATFORM_SERVICES } from './platform-services';
import { fileExists, listFiles, readText } from './repo-files';

export const CLI_SERVICE_CATALOG = 'tools/cli/src/platform/service-catalog.ts';

/** `{ name: 'sales', port: 3001 … }` entries of the CLI's service catalogue (what `./mercado up` starts). */
export function cliServicePorts(source: string): Map<string, number> {
  const ports = new Map<string, number>();
  for (const match of source.matchAll(/name:\s*'([a-z]+)',\s*port:\s*(\d+)/g))
    ports.set(match[1]!, Number(match[2]));
  return ports;
}

/** The `defaultPort: <n>` a service passes to its config schema, from its non-test sources. */
export function declaredDefaultPorts(sources: readonly string[]): number[] {
  return sources.flatMap((source) =>
    [...source.matchAll(/defaultPort:\s*(\d+)/g)].map((match) => Number(match[1])),
  );
}

/**
 * The deployment ports are the services' own defaults: the ones `./mercado up` uses (the CLI's
 * service catalogue) and, once a service declares it, the `defaultPort` of its configuration.
 */
export function checkPortDefaults(root: string): string[] {
  const problems: string[] = [];
  const cli = fileExists(root, CLI_SERVICE_CATALOG)
    ? cliServicePorts(readText(root, CLI_SERVICE_CATALOG))
    : new Map<string, number>();
  if (cli.size === 0) problems.push(`${CLI_SERVICE_CATALOG}: lists no service ports`);
  for (const service of PLATFORM_SERVICES) {
    const cliPort = cli.get(service.name);
    if (cli.size > 0 && cliPort !== service.port) {
      problems.push(
        `${service.name}: ./mercado up uses port ${cliPort ?? 'none'}, the deployment files use ${service.port}`,
      );
    }
    const sources = listFiles(root, `services/${service.name}/src`, ['.ts'])
      .filter((file) => !/\.(int-)?spec\.ts$/.test(file))
      .map((file) => readText(root, file));
    for (const port of new Set(declaredDefaultPorts(sources))) {
      if (port !== service.port)
        problems.push(
          `${service.name}: its configuration defaults to port ${port}, the deployment files use ${service.port}`,
        );
    }
  }
  return problems;
}
