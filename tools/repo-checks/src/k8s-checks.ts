import path from 'node:path';
import { PLATFORM_SERVICES } from './platform-services';
import {
  fileExists,
  isMapping,
  list,
  listFiles,
  mapping,
  parseYamlDocuments,
  readText,
  text,
  type Mapping,
} from './repo-files';

// Each check returns the problems it found, one sentence each; an empty list means the files agree.

export const K8S_DIR = 'k8s';
export const K8S_BASE = 'k8s/base';

export interface Manifest {
  file: string;
  document: Mapping;
}

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function isKustomization(document: Mapping): boolean {
  return document.kind === 'Kustomization' || document.kind === 'Component';
}

/** Every YAML file under k8s/ parses, and every object in it has apiVersion, kind and metadata.name. */
export function checkManifestFiles(root: string): { problems: string[]; manifests: Manifest[] } {
  const problems: string[] = [];
  const manifests: Manifest[] = [];
  const files = listFiles(root, K8S_DIR, ['.yaml', '.yml']);
  if (files.length === 0) problems.push(`${K8S_DIR}/ holds no manifest`);
  for (const file of files) {
    let documents: unknown[];
    try {
      documents = parseYamlDocuments(readText(root, file), file);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    if (documents.length === 0) problems.push(`${file}: is empty`);
    for (const value of documents) {
      if (!isMapping(value)) {
        problems.push(`${file}: holds a document that is not a mapping`);
        continue;
      }
      if (!text(value.apiVersion) || !text(value.kind)) {
        problems.push(`${file}: an object lacks apiVersion or kind`);
        continue;
      }
      if (isKustomization(value)) continue;
      if (!text(mapping(value.metadata).name))
        problems.push(`${file}: a ${String(value.kind)} has no metadata.name`);
      manifests.push({ file, document: value });
    }
  }
  return { problems, manifests };
}

/**
 * What `kubectl apply -k <dir>` would apply: the resources listed by the kustomization, following
 * nested kustomizations. Missing entries and files no kustomization lists are problems.
 */
export function collectKustomization(
  root: string,
  directory = K8S_BASE,
): { problems: string[]; manifests: Manifest[] } {
  const problems: string[] = [];
  const manifests: Manifest[] = [];
  const listed = new Set<string>();
  const visit = (dir: string): void => {
    const kustomizationFile = KUSTOMIZATION_NAMES.map((name) => path.posix.join(dir, name)).find((file) =>
      fileExists(root, file),
    );
    if (!kustomizationFile) {
      problems.push(`${dir}: has no kustomization.yaml`);
      return;
    }
    listed.add(kustomizationFile);
    const kustomization = mapping(
      parseYamlDocuments(readText(root, kustomizationFile), kustomizationFile)[0],
    );
    for (const entry of list(kustomization.resources).map(String)) {
      const resource = path.posix.normalize(path.posix.join(dir, entry));
      if (!fileExists(root, resource)) {
        problems.push(`${kustomizationFile}: lists ${entry}, which does not exist`);
      } else if (/\.ya?ml$/.test(resource)) {
        listed.add(resource);
        for (const document of parseYamlDocuments(readText(root, resource), resource)) {
          if (isMapping(document)) manifests.push({ file: resource, document });
        }
      } else {
        visit(resource);
      }
    }
  };
  visit(directory);
  for (const file of listFiles(root, directory, ['.yaml', '.yml'])) {
    if (!listed.has(file)) problems.push(`${file}: no kustomization lists it, so it is never applied`);
  }
  return { problems, manifests };
}

function find(manifests: readonly Manifest[], kind: string, name: string): Mapping | undefined {
  return manifests.find((m) => m.document.kind === kind && mapping(m.document.metadata).name === name)
    ?.document;
}

function selects(selector: Mapping, labels: Mapping): boolean {
  const wanted = Object.entries(selector);
  return wanted.length > 0 && wanted.every(([key, value]) => labels[key] === value);
}

function probeProblems(
  name: string,
  container: Mapping,
  probe: string,
  expectedPath: string,
  port: number,
  portName: string | undefined,
): string[] {
  const httpGet = mapping(mapping(container[probe]).httpGet);
  if (!isMapping(container[probe])) return [`${name}: container has no ${probe}`];
  const problems: string[] = [];
  if (httpGet.path !== expectedPath)
    problems.push(
      `${name}: ${probe} asks ${String(httpGet.path ?? 'nothing')}, expected HTTP GET ${expectedPath}`,
    );
  if (httpGet.port !== port && (portName === undefined || httpGet.port !== portName)) {
    problems.push(`${name}: ${probe} probes port ${String(httpGet.port)}, the service listens on ${port}`);
  }
  return problems;
}

/** The environment a container receives from its ConfigMaps (envFrom) and plain values (env). */
function containerEnvironment(
  manifests: readonly Manifest[],
  container: Mapping,
  name: string,
  problems: string[],
): Map<string, string> {
  const environment = new Map<string, string>();
  for (const source of list(container.envFrom).map(mapping)) {
    const configMapName = text(mapping(source.configMapRef).name);
    if (!configMapName) continue;
    const configMap = find(manifests, 'ConfigMap', configMapName);
    if (!configMap) {
      problems.push(`${name}: envFrom names ConfigMap ${configMapName}, which the base does not define`);
      continue;
    }
    for (const [key, value] of Object.entries(mapping(configMap.data))) environment.set(key, String(value));
  }
  for (const variable of list(container.env).map(mapping)) {
    const key = text(variable.name);
    if (!key) continue;
    if (variable.value !== undefined) environment.set(key, String(variable.value));
    const secretRef = mapping(mapping(variable.valueFrom).secretKeyRef);
    if (text(secretRef.name)) {
      const secret = find(manifests, 'Secret', String(secretRef.name));
      const keys = { ...mapping(secret?.data), ...mapping(secret?.stringData) };
      if (!secret)
        problems.push(
          `${name}: ${key} comes from Secret ${String(secretRef.name)}, which the base does not define`,
        );
      else if (!(String(secretRef.key) in keys))
        problems.push(
          `${name}: ${key} comes from key ${String(secretRef.key)}, which Secret ${String(secretRef.name)} lacks`,
        );
      environment.set(key, `<secret ${String(secretRef.name)}/${String(secretRef.key)}>`);
    }
  }
  return environment;
}

/**
 * For each platform service: a Deployment running mercado/<name>-service on the service's port with
 * readiness (/health/ready) and liveness (/health/live) probes, non-root and read-only, with resource
 * requests and limits, DATABASE_URL from a Secret and KAFKA_BROKERS from a ConfigMap; a Service and a
 * PodDisruptionBudget selecting its pods; and a HorizontalPodAutoscaler exactly when it scales out.
 */
export function checkServiceWorkloads(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  for (const expected of PLATFORM_SERVICES) {
    const name = expected.name;
    const deployment = find(manifests, 'Deployment', name);
    if (!deployment) {
      problems.push(`${name}: has no Deployment`);
      continue;
    }
    const template = mapping(mapping(deployment.spec).template);
    const podLabels = mapping(mapping(template.metadata).labels);
    const podSpec = mapping(template.spec);
    const container = list(podSpec.containers)
      .map(mapping)
      .find((candidate) => String(candidate.image ?? '').startsWith(`mercado/${name}-service`));
    if (!container) {
      problems.push(`${name}: the Deployment runs no mercado/${name}-service container`);
      continue;
    }
    const port = list(container.ports)
      .map(mapping)
      .find((candidate) => candidate.containerPort === expected.port);
    if (!port) problems.push(`${name}: the container does not declare containerPort ${expected.port}`);
    const portName = text(port?.name);
    problems.push(
      ...probeProblems(name, container, 'readinessProbe', '/health/ready', expected.port, portName),
    );
    problems.push(
      ...probeProblems(name, container, 'livenessProbe', '/health/live', expected.port, portName),
    );

    const podSecurity = mapping(podSpec.securityContext);
    const containerSecurity = mapping(container.securityContext);
    if (podSecurity.runAsNonRoot !== true && containerSecurity.runAsNonRoot !== true)
      problems.push(`${name}: must set runAsNonRoot: true`);
    if (containerSecurity.readOnlyRootFilesystem !== true)
      problems.push(`${name}: must set readOnlyRootFilesystem: true`);
    if (containerSecurity.allowPrivilegeEscalation !== false)
      problems.push(`${name}: must set allowPrivilegeEscalation: false`);

    const resources = mapping(container.resources);
    for (const kind of ['requests', 'limits']) {
      for (const resource of ['cpu', 'memory']) {
        if (mapping(resources[kind])[resource] === undefined)
          problems.push(`${name}: has no ${resource} ${kind}`);
      }
    }

    const environment = containerEnvironment(manifests, container, name, problems);
    if (environment.get('PORT') !== String(expected.port)) {
      problems.push(`${name}: PORT is "${environment.get('PORT') ?? ''}", expected ${expected.port}`);
    }
    if (!environment.get('DATABASE_URL')?.startsWith('<secret '))
      problems.push(`${name}: DATABASE_URL must come from a Secret`);
    if (!environment.get('KAFKA_BROKERS')) problems.push(`${name}: KAFKA_BROKERS is not set`);
    if (!environment.get('AUTH_JWKS_URL') && !environment.get('AUTH_JWKS_FILE'))
      problems.push(`${name}: no JWKS for token verification`);

    const service = find(manifests, 'Service', name);
    if (!service) {
      problems.push(`${name}: has no Service`);
    } else {
      const spec = mapping(service.spec);
      if (!selects(mapping(spec.selector), podLabels))
        problems.push(`${name}: the Service does not select the Deployment's pods`);
      const servicePort = list(spec.ports).map(mapping)[0];
      const target = servicePort?.targetPort ?? servicePort?.port;
      if (target !== expected.port && (portName === undefined || target !== portName)) {
        problems.push(
          `${name}: the Service sends traffic to port ${String(target)}, the container listens on ${expected.port}`,
        );
      }
    }

    const budget = find(manifests, 'PodDisruptionBudget', name);
    if (!budget) problems.push(`${name}: has no PodDisruptionBudget`);
    else if (!selects(mapping(mapping(mapping(budget.spec).selector).matchLabels), podLabels)) {
      problems.push(`${name}: the PodDisruptionBudget does not select the Deployment's pods`);
    }

    const autoscaler = find(manifests, 'HorizontalPodAutoscaler', name);
    if (expected.scalesOut && !autoscaler)
      problems.push(`${name}: scales out but has no HorizontalPodAutoscaler`);
    if (!expected.scalesOut && autoscaler)
      problems.push(`${name}: must run one replica, yet has a HorizontalPodAutoscaler`);
    if (autoscaler) {
      const targetRef = mapping(mapping(autoscaler.spec).scaleTargetRef);
      if (targetRef.kind !== 'Deployment' || targetRef.name !== name)
        problems.push(`${name}: the HorizontalPodAutoscaler does not scale Deployment ${name}`);
      if (deployment.spec && mapping(deployment.spec).replicas !== undefined) {
        problems.push(
          `${name}: the Deployment sets replicas, which every apply would reset under the HorizontalPodAutoscaler`,
        );
      }
    }
  }
  return problems;
}
