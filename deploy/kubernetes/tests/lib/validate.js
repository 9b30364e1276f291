// Validates rendered objects: core kinds against the Kubernetes 1.32 schemas, custom resources
// against the vendored CRDs. Unknown fields, wrong types, missing required fields and unknown
// apiVersion/kind are all errors.
import Ajv from 'ajv';
import { crdSchemas } from './crd-schemas.js';
import { kubernetesSchemas, kubernetesVersion } from './k8s-schemas.js';

export { kubernetesVersion };

let validator;

function build() {
  const { definitions, kinds } = kubernetesSchemas();
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  ajv.addSchema({ $id: 'k8s', definitions });
  const byGvk = new Map();
  // Compiled on first use: a render uses a dozen of the API's kinds.
  const entry = (source, schema) => {
    const e = { source, compiled: undefined };
    e.validate = (data) => {
      e.compiled ??= ajv.compile(schema);
      const ok = e.compiled(data);
      e.errors = e.compiled.errors;
      return ok;
    };
    return e;
  };
  for (const [gvk, model] of kinds) byGvk.set(gvk, entry(`Kubernetes ${kubernetesVersion}`, { $ref: `k8s#/definitions/${model}` }));
  const crds = crdSchemas();
  for (const crd of crds) {
    byGvk.set(`${crd.group}/${crd.version}:${crd.kind}`, entry(`${crd.release} CRDs, ${crd.group}/${crd.version}`, crd.schema));
  }
  return { byGvk, crds };
}

function getValidator() {
  validator ??= build();
  return validator;
}

export function vendoredCrds() {
  return getValidator().crds;
}

// null is how YAML writes an unset field, and the API server reads it so (e.g. creationTimestamp: null).
function withoutNulls(value) {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

function formatError(e) {
  if (e.keyword === 'additionalProperties') return `${e.instancePath || '/'}: unknown field "${e.params.additionalProperty}"`;
  if (e.keyword === 'required') return `${e.instancePath || '/'}: missing required field "${e.params.missingProperty}"`;
  return `${e.instancePath || '/'}: ${e.message}`;
}

/** What an object is validated against (without validating it), or null for an unknown kind. */
export function schemaSource(obj) {
  return getValidator().byGvk.get(`${obj?.apiVersion}:${obj?.kind}`)?.source ?? null;
}

/** { source, errors: [string] } */
export function validateObject(obj) {
  const { byGvk } = getValidator();
  const gvk = `${obj?.apiVersion}:${obj?.kind}`;
  const entry = byGvk.get(gvk);
  if (!entry) return { source: null, errors: [`unknown apiVersion/kind ${gvk} (neither Kubernetes ${kubernetesVersion} nor a vendored CRD)`] };
  const clean = withoutNulls(obj);
  if (entry.validate(clean)) return { source: entry.source, errors: [] };
  // anyOf/oneOf failures repeat every branch's complaint: keep each message once.
  return { source: entry.source, errors: [...new Set(entry.errors.map(formatError))] };
}
