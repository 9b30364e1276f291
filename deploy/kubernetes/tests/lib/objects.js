// Helpers over rendered objects.
export const POD_TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export function podSpec(obj) {
  if (obj.kind === 'Pod') return obj.spec;
  if (obj.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template?.spec;
  if (POD_TEMPLATE_KINDS.has(obj.kind)) return obj.spec?.template?.spec;
  return undefined;
}

export function podLabels(obj) {
  if (obj.kind === 'Pod') return obj.metadata?.labels ?? {};
  if (obj.kind === 'CronJob') return obj.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {};
  return obj.spec?.template?.metadata?.labels ?? {};
}

export function workloads(objects) {
  return objects.filter((o) => podSpec(o) !== undefined);
}

/** The Passerelle apps: Deployments part of passerelle (the generated manifests label them so). */
export function passerelleDeployments(objects) {
  return objects.filter((o) => o.kind === 'Deployment' && podLabels(o)['app.kubernetes.io/part-of'] === 'passerelle');
}

/** Does a LabelSelector (matchLabels + matchExpressions) select these labels? */
export function selects(selector, labels) {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === 'In' && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function ofKind(objects, kind, group) {
  return objects.filter((o) => o.kind === kind && (group === undefined || String(o.apiVersion).startsWith(`${group}/`)));
}

/** Every string in an object, keys included, with its path. */
export function* strings(value, path = '') {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, `${path}[${i}]`);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      yield { path: `${path}.${k}`, value: k };
      yield* strings(v, `${path}.${k}`);
    }
  }
}
