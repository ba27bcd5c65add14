import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCiWorkflow } from './ci-checks';
import { checkManifestFiles, checkServiceWorkloads, collectKustomization, type Manifest } from './k8s-checks';
import { PLATFORM_SERVICES } from './platform-services';
import { mapping, REPO_ROOT, type Mapping } from './repo-files';

describe('Kubernetes manifests, read against the code', () => {
  it('parses every YAML file under k8s/ into objects with apiVersion, kind and a name', () => {
    const { problems, manifests } = checkManifestFiles(REPO_ROOT);
    expect(problems).toEqual([]);
    expect(manifests.length).toBeGreaterThanOrEqual(PLATFORM_SERVICES.length * 4);
  });

  it('has a base kustomization that lists every manifest and nothing that is missing', () => {
    const { problems, manifests } = collectKustomization(REPO_ROOT);
    expect(problems).toEqual([]);
    const kinds = manifests.map((m) => String(m.document.kind));
    expect(kinds.filter((kind) => kind === 'Deployment')).toHaveLength(PLATFORM_SERVICES.length);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Namespace',
        'Secret',
        'ConfigMap',
        'Service',
        'PodDisruptionBudget',
        'HorizontalPodAutoscaler',
      ]),
    );
  });

  it('gives each service a Deployment and Service with probes on /health/ready and /health/live, locked down', () => {
    const { manifests } = collectKustomization(REPO_ROOT);
    expect(checkServiceWorkloads(manifests)).toEqual([]);
  });
});

describe('the Kubernetes checks catch drift', () => {
  let manifests: Manifest[];

  beforeEach(() => {
    manifests = collectKustomization(REPO_ROOT).manifests;
  });

  function container(service: string): Mapping {
    const deployment = manifests.find(
      (m) => m.document.kind === 'Deployment' && mapping(m.document.metadata).name === service,
    )!;
    const podSpec = mapping(mapping(mapping(deployment.document.spec).template).spec);
    return (podSpec.containers as Mapping[])[0]!;
  }

  it('reports a missing readiness probe, a liveness probe on the wrong path and a writable root file system', () => {
    delete container('sales').readinessProbe;
    mapping(mapping(container('fulfillment').livenessProbe).httpGet).path = '/healthz';
    mapping(container('customer').securityContext).readOnlyRootFilesystem = false;

    expect(checkServiceWorkloads(manifests)).toEqual([
      'sales: container has no readinessProbe',
      'customer: must set readOnlyRootFilesystem: true',
      'fulfillment: livenessProbe asks /healthz, expected HTTP GET /health/live',
    ]);
  });

  it('reports a service without a Service, a wrong port and a database URL written in plain text', () => {
    manifests = manifests.filter(
      (m) => !(m.document.kind === 'Service' && mapping(m.document.metadata).name === 'marketplace'),
    );
    const ports = container('warehouse').ports as Mapping[];
    ports[0]!.containerPort = 8080;
    container('sales').env = [{ name: 'DATABASE_URL', value: 'postgres://u:p@db/sales' }];

    const problems = checkServiceWorkloads(manifests);
    expect(problems).toEqual(
      expect.arrayContaining([
        'sales: DATABASE_URL must come from a Secret',
        'marketplace: has no Service',
        'warehouse: the container does not declare containerPort 3005',
        'warehouse: readinessProbe probes port http, the service listens on 3005',
      ]),
    );
  });

  it('reports an autoscaler on the single-replica warehouse and a missing one on a service that scales out', () => {
    const salesAutoscaler = manifests.find(
      (m) => m.document.kind === 'HorizontalPodAutoscaler' && mapping(m.document.metadata).name === 'sales',
    )!;
    manifests = manifests.filter((m) => m !== salesAutoscaler);
    manifests.push({
      file: 'extra.yaml',
      document: {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'warehouse' },
        spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'warehouse' } },
      },
    });

    expect(checkServiceWorkloads(manifests)).toEqual([
      'sales: scales out but has no HorizontalPodAutoscaler',
      'warehouse: must run one replica, yet has a HorizontalPodAutoscaler',
      'warehouse: the Deployment sets replicas, which every apply would reset under the HorizontalPodAutoscaler',
    ]);
  });

  describe('on files', () => {
    let root: string;

    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-checks-'));
      fs.mkdirSync(path.join(root, 'k8s/base/sales'), { recursive: true });
    });

    afterEach(() => {
      fs.rmSync(root, { recursive: true, force: true });
    });

    function write(relative: string, content: string): void {
      fs.writeFileSync(path.join(root, relative), content);
    }

    it('reports a manifest that does not parse, an object without a name, a listed file that is missing and a file nobody lists', () => {
      write(
        'k8s/base/kustomization.yaml',
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - sales\n  - gone.yaml\n',
      );
      write(
        'k8s/base/sales/kustomization.yaml',
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - service.yaml\n',
      );
      write('k8s/base/sales/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {}\n');
      write(
        'k8s/base/sales/forgotten.yaml',
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n---\nkind: [unclosed\n',
      );

      expect(checkManifestFiles(root).problems).toEqual([
        expect.stringMatching(/^k8s\/base\/sales\/forgotten\.yaml is not valid YAML/),
        'k8s/base/sales/service.yaml: a Service has no metadata.name',
      ]);
      expect(collectKustomization(root).problems).toEqual([
        'k8s/base/kustomization.yaml: lists gone.yaml, which does not exist',
        'k8s/base/sales/forgotten.yaml: no kustomization lists it, so it is never applied',
      ]);
    });
  });
});

describe('the CI workflow', () => {
  it('installs from the lockfile on Node 24, runs every check through turbo and tests against the pinned Kafka', () => {
    expect(checkCiWorkflow(REPO_ROOT)).toEqual([]);
  });

  it('reports another Node.js, an unknown turbo task, a missing integration run and another Kafka release', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'repo-checks-ci-'));
    try {
      fs.mkdirSync(path.join(root, '.github/workflows'), { recursive: true });
      fs.mkdirSync(path.join(root, 'infra/kafka'), { recursive: true });
      fs.copyFileSync(path.join(REPO_ROOT, 'turbo.json'), path.join(root, 'turbo.json'));
      fs.copyFileSync(path.join(REPO_ROOT, 'infra/kafka/pom.xml'), path.join(root, 'infra/kafka/pom.xml'));
      fs.writeFileSync(
        path.join(root, '.github/workflows/ci.yml'),
        [
          'jobs:',
          '  verify:',
          '    services:',
          '      kafka:',
          '        image: apache/kafka:3.9.0',
          '    steps:',
          '      - uses: actions/setup-node@v4',
          '        with:',
          '          node-version: 20',
          '      - run: pnpm install --frozen-lockfile',
          '      - run: pnpm turbo run lint typecheck tests',
          '',
        ].join('\n'),
      );

      expect(checkCiWorkflow(root)).toEqual([
        '.github/workflows/ci.yml: must use Node.js 24',
        '.github/workflows/ci.yml: runs turbo task "tests", which turbo.json does not define',
        '.github/workflows/ci.yml: never runs test',
        '.github/workflows/ci.yml: never runs test:int',
        expect.stringMatching(
          /^\.github\/workflows\/ci\.yml: uses apache\/kafka:3\.9\.0, but the project tests Kafka \d/,
        ),
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
