// Policy checks on a rendered overlay. Each returns a list of violations (strings).
import { describe } from './render.js';
import { ofKind, passerelleDeployments, podLabels, podSpec, selects, strings, workloads } from './objects.js';

function resourcesViolations(where, resources) {
  const out = [];
  for (const kind of ['requests', 'limits']) {
    for (const r of ['cpu', 'memory']) {
      if (resources?.[kind]?.[r] === undefined) out.push(`${where}: no ${r} ${kind}`);
    }
  }
  return out;
}

export function imageViolations(where, image) {
  if (typeof image !== 'string' || image === '') return [`${where}: no image`];
  if (image.includes('@sha256:')) return [];
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : undefined;
  if (tag === undefined) return [`${where}: image ${image} has no tag`];
  if (tag === 'latest') return [`${where}: image ${image} is tagged latest`];
  return [];
}

/** Requests, limits, probes, non-root, read-only root filesystem, no privilege escalation, no capabilities, pinned images. */
export function containerViolations(objects) {
  const out = [];
  for (const w of workloads(objects)) {
    const spec = podSpec(w);
    const podContext = spec.securityContext ?? {};
    const all = [...(spec.initContainers ?? []).map((c) => [c, true]), ...(spec.containers ?? []).map((c) => [c, false])];
    for (const [c, init] of all) {
      const where = `${describe(w)} ${init ? 'init container' : 'container'} ${c.name}`;
      const sc = c.securityContext ?? {};
      out.push(...resourcesViolations(where, c.resources));
      if (!init) {
        if (!c.livenessProbe) out.push(`${where}: no liveness probe`);
        if (!c.readinessProbe) out.push(`${where}: no readiness probe`);
      }
      const runAsNonRoot = sc.runAsNonRoot ?? podContext.runAsNonRoot;
      const runAsUser = sc.runAsUser ?? podContext.runAsUser;
      if (runAsNonRoot !== true && !(Number.isInteger(runAsUser) && runAsUser > 0)) out.push(`${where}: may run as root (no runAsNonRoot: true nor a non-zero runAsUser)`);
      if (runAsUser === 0) out.push(`${where}: runs as root (runAsUser 0)`);
      if (sc.readOnlyRootFilesystem !== true) out.push(`${where}: root filesystem is writable (readOnlyRootFilesystem is not true)`);
      if (sc.allowPrivilegeEscalation !== false) out.push(`${where}: allowPrivilegeEscalation is not false`);
      if (sc.privileged === true) out.push(`${where}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) out.push(`${where}: capabilities are not dropped (capabilities.drop: [ALL])`);
      if (!init && podLabels(w)['app.kubernetes.io/part-of'] === 'passerelle') {
        // Quarkus' health endpoints (SmallRye Health): live is the process, ready its database, Kafka and OIDC.
        if (c.livenessProbe && c.livenessProbe.httpGet?.path !== '/q/health/live') out.push(`${where}: liveness probe is not GET /q/health/live`);
        // The gateway's own readiness waits for every backend of every country: on Kubernetes one
        // country's outage would take the whole edge out of its Service, so it is ready once it
        // serves (ADR 0036); its breaker answers 503 for the country that is down.
        const ready = podLabels(w)['app.kubernetes.io/name'] === 'gateway' ? '/q/health/live' : '/q/health/ready';
        if (c.readinessProbe && c.readinessProbe.httpGet?.path !== ready) out.push(`${where}: readiness probe is not GET ${ready}`);
      }
      out.push(...imageViolations(where, c.image));
    }
  }
  return out;
}

// The pods the operators make take their resources from these fields of the custom resources.
const ENGINE_RESOURCES = [
  { kind: 'KafkaNodePool', group: 'kafka.strimzi.io', paths: [['spec', 'resources']] },
  { kind: 'Cluster', group: 'postgresql.cnpg.io', paths: [['spec', 'resources']] },
  { kind: 'Keycloak', group: 'k8s.keycloak.org', paths: [['spec', 'resources']] },
  {
    kind: 'Kafka', group: 'kafka.strimzi.io',
    paths: [['spec', 'entityOperator', 'topicOperator', 'resources'], ['spec', 'entityOperator', 'userOperator', 'resources']],
    // Only the parts the Kafka asks for: an absent entity operator makes no pod.
    optionalParent: true,
  },
];

export function engineViolations(objects) {
  const out = [];
  for (const e of ENGINE_RESOURCES) {
    for (const o of ofKind(objects, e.kind, e.group)) {
      for (const path of e.paths) {
        const parent = path.slice(0, -1).reduce((v, k) => v?.[k], o);
        if (e.optionalParent && parent === undefined) continue;
        out.push(...resourcesViolations(`${describe(o)} ${path.join('.')}`, parent?.[path.at(-1)]));
      }
    }
  }
  for (const o of ofKind(objects, 'Keycloak', 'k8s.keycloak.org')) {
    if (o.spec?.image) out.push(...imageViolations(describe(o), o.spec.image));
  }
  for (const o of ofKind(objects, 'Cluster', 'postgresql.cnpg.io')) {
    if (o.spec?.imageName) out.push(...imageViolations(describe(o), o.spec.imageName));
  }
  return out;
}

/** Every Passerelle Deployment has a PodDisruptionBudget, a NetworkPolicy and a HorizontalPodAutoscaler. */
export function availabilityViolations(objects) {
  const out = [];
  for (const d of passerelleDeployments(objects)) {
    const labels = podLabels(d);
    const ns = d.metadata.namespace;
    const same = (o) => o.metadata?.namespace === ns;
    if (!ofKind(objects, 'PodDisruptionBudget').some((p) => same(p) && selects(p.spec?.selector, labels))) out.push(`${describe(d)}: no PodDisruptionBudget selects its pods`);
    if (!ofKind(objects, 'NetworkPolicy').some((p) => same(p) && selects(p.spec?.podSelector, labels))) out.push(`${describe(d)}: no NetworkPolicy selects its pods`);
    if (!ofKind(objects, 'HorizontalPodAutoscaler').some((h) => same(h) && h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === d.metadata.name)) {
      out.push(`${describe(d)}: no HorizontalPodAutoscaler scales it`);
    }
    if ((d.spec.replicas ?? 1) < 2 && !ofKind(objects, 'HorizontalPodAutoscaler').some((h) => same(h) && h.spec?.scaleTargetRef?.name === d.metadata.name && (h.spec.minReplicas ?? 1) >= 2)) {
      out.push(`${describe(d)}: fewer than 2 replicas (a node going away stops it)`);
    }
  }
  return out;
}

// What names the other country: its namespace, a "-ma"/"-fr" name, its name, its hosts, its backends.
export const COUNTRY_MARKERS = {
  MA: [/passerelle-ma\b/i, /-ma(?![a-z0-9])/i, /morocco|maroc/i, /(^|[/.@])ma\.[a-z0-9-]/i, /\.ma(?![a-z0-9-])/i, /_MA_BACKENDS|countries\.MA\.backends/i],
  FR: [/passerelle-fr\b/i, /-fr(?![a-z0-9])/i, /france/i, /(^|[/.@])fr\.[a-z0-9-]/i, /\.fr(?![a-z0-9-])/i, /_FR_BACKENDS|countries\.FR\.backends/i],
};

/** Strings (keys and values, in every object) that name the other country. */
export function countryViolations(objects, otherCountry) {
  const out = [];
  for (const o of objects) {
    for (const { path, value } of strings(o)) {
      const marker = COUNTRY_MARKERS[otherCountry].find((re) => re.test(value));
      if (marker) out.push(`${describe(o)} ${path}: "${value.length > 120 ? `${value.slice(0, 120)}…` : value}" names ${otherCountry} (${marker})`);
    }
  }
  return out;
}

export function kafkaTopicViolations(objects) {
  const out = [];
  for (const t of ofKind(objects, 'KafkaTopic', 'kafka.strimzi.io')) {
    if (t.spec?.replicas !== 3) out.push(`${describe(t)}: replicas ${t.spec?.replicas} (3 wanted)`);
    if (String(t.spec?.config?.['min.insync.replicas']) !== '2') out.push(`${describe(t)}: min.insync.replicas ${t.spec?.config?.['min.insync.replicas']} (2 wanted)`);
  }
  return out;
}

export function postgresViolations(objects) {
  const out = [];
  const scheduled = ofKind(objects, 'ScheduledBackup', 'postgresql.cnpg.io');
  for (const c of ofKind(objects, 'Cluster', 'postgresql.cnpg.io')) {
    if (!(c.spec?.instances > 1)) out.push(`${describe(c)}: ${c.spec?.instances ?? 1} instance(s) (a replica is wanted)`);
    const walArchive = c.spec?.backup?.barmanObjectStore !== undefined
      || (c.spec?.plugins ?? []).some((p) => p.isWALArchiver === true || (p.name === 'barman-cloud.cloudnative-pg.io' && p.isWALArchiver !== false));
    if (!walArchive) out.push(`${describe(c)}: no WAL archiving to object storage (spec.backup.barmanObjectStore or a WAL-archiver plugin)`);
    if (!scheduled.some((s) => s.metadata?.namespace === c.metadata?.namespace && s.spec?.cluster?.name === c.metadata.name)) {
      out.push(`${describe(c)}: no ScheduledBackup of it`);
    }
  }
  return out;
}

/** Do the NetworkPolicies of a namespace let pods with these labels (same namespace) in to pods with those? */
export function ingressAllowed(objects, namespace, targetLabels, sourceLabels) {
  const policies = ofKind(objects, 'NetworkPolicy').filter((p) => p.metadata?.namespace === namespace
    && selects(p.spec?.podSelector ?? {}, targetLabels) && (p.spec?.policyTypes ?? ['Ingress']).includes('Ingress'));
  if (policies.length === 0) return true; // not isolated
  return policies.some((p) => (p.spec.ingress ?? []).some((rule) => !rule.from || rule.from.length === 0
    || rule.from.some((peer) => !peer.namespaceSelector && !peer.ipBlock && selects(peer.podSelector ?? {}, sourceLabels))));
}

/**
 * Only the gateway takes traffic from outside its namespace's own pods and controllers (no ingress
 * rule of a service's policies is open to everyone or to an address block); every Passerelle pod
 * is isolated both ways; and a service's database lets in its own service's pods, not another's.
 */
export function networkViolations(objects) {
  const out = [];
  const apps = passerelleDeployments(objects);
  for (const d of apps) {
    const labels = podLabels(d);
    const ns = d.metadata.namespace;
    const policies = ofKind(objects, 'NetworkPolicy').filter((p) => p.metadata?.namespace === ns && selects(p.spec?.podSelector ?? {}, labels));
    for (const type of ['Ingress', 'Egress']) {
      if (!policies.some((p) => (p.spec?.policyTypes ?? ['Ingress']).includes(type))) out.push(`${describe(d)}: no NetworkPolicy isolates its ${type.toLowerCase()}`);
    }
    const isGateway = labels['app.kubernetes.io/name'] === 'gateway';
    if (!isGateway) {
      for (const p of policies) {
        for (const rule of p.spec?.ingress ?? []) {
          if (!rule.from || rule.from.length === 0) out.push(`${describe(p)}: lets anyone in to ${d.metadata.name} (only the gateway takes outside traffic)`);
          else if (rule.from.some((peer) => peer.ipBlock)) out.push(`${describe(p)}: lets an address block in to ${d.metadata.name} (only the gateway takes outside traffic)`);
        }
      }
    }
  }
  // Each service's own database: the -rw host it is given names the cluster.
  for (const d of apps) {
    const host = podSpec(d).containers[0].env?.find((e) => e.name === 'PASSERELLE_DB_HOST')?.value;
    const cluster = ofKind(objects, 'Cluster', 'postgresql.cnpg.io').find((c) => c.metadata.namespace === d.metadata.namespace && `${c.metadata.name}-rw` === host);
    if (!cluster) continue;
    const dbLabels = { 'cnpg.io/cluster': cluster.metadata.name, 'cnpg.io/instanceRole': 'primary', role: 'primary' };
    if (!ingressAllowed(objects, d.metadata.namespace, dbLabels, podLabels(d))) out.push(`${describe(d)}: its database ${cluster.metadata.name} does not let it in`);
    for (const other of apps.filter((o) => o !== d && o.metadata.namespace === d.metadata.namespace)) {
      if (ingressAllowed(objects, d.metadata.namespace, dbLabels, podLabels(other))) out.push(`${describe(cluster)}: lets ${other.metadata.name} in (a service reaches only its own database)`);
    }
  }
  return out;
}
