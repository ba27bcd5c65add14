import { testedKafkaVersion } from './compose-checks';
import { list, mapping, readText, readYaml, text } from './repo-files';

export const CI_WORKFLOW = '.github/workflows/ci.yml';

/**
 * The CI workflow installs from the frozen lockfile on Node 24, runs turbo tasks that turbo.json
 * defines, and tests against the Kafka release the project pins (infra/kafka/pom.xml).
 */
export function checkCiWorkflow(root: string): string[] {
  const problems: string[] = [];
  const workflow = mapping(readYaml(root, CI_WORKFLOW));
  const tasks = new Set(Object.keys(mapping(mapping(JSON.parse(readText(root, 'turbo.json'))).tasks)));
  const jobs = Object.entries(mapping(workflow.jobs)).map(([name, job]) => [name, mapping(job)] as const);
  if (jobs.length === 0) problems.push(`${CI_WORKFLOW}: has no jobs`);
  const steps = jobs.flatMap(([, job]) => list(job.steps).map(mapping));
  const commands = steps.map((step) => text(step.run) ?? '').join('\n');

  const setupNode = steps.find((step) => String(step.uses ?? '').startsWith('actions/setup-node@'));
  if (!setupNode) problems.push(`${CI_WORKFLOW}: does not set up Node.js`);
  else if (text(mapping(setupNode.with)['node-version']) !== '24')
    problems.push(`${CI_WORKFLOW}: must use Node.js 24`);
  if (!/pnpm install --frozen-lockfile/.test(commands))
    problems.push(`${CI_WORKFLOW}: must install with pnpm install --frozen-lockfile`);
  for (const match of commands.matchAll(/turbo run ([^\n]+)/g)) {
    for (const task of match[1]!.split(/\s+/).filter((word) => word && !word.startsWith('-'))) {
      if (!tasks.has(task))
        problems.push(`${CI_WORKFLOW}: runs turbo task "${task}", which turbo.json does not define`);
    }
  }
  for (const required of ['lint', 'typecheck', 'test', 'test:int']) {
    if (!new RegExp(`turbo run [^\\n]*(?<![\\w:])${required}(?![\\w:])`).test(commands))
      problems.push(`${CI_WORKFLOW}: never runs ${required}`);
  }

  const tested = testedKafkaVersion(root);
  const kafkaImages = jobs.flatMap(([, job]) =>
    Object.values(mapping(job.services))
      .map((service) => text(mapping(service).image) ?? '')
      .filter((image) => image.startsWith('apache/kafka')),
  );
  if (kafkaImages.length === 0) problems.push(`${CI_WORKFLOW}: runs no apache/kafka service container`);
  for (const image of kafkaImages) {
    if (image.split(':')[1] !== tested)
      problems.push(`${CI_WORKFLOW}: uses ${image}, but the project tests Kafka ${tested}`);
  }
  return problems;
}
