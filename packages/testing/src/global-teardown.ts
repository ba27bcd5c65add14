import { stopStartedContainers } from './infrastructure';

export default async function globalTeardown(): Promise<void> {
  await stopStartedContainers();
}
