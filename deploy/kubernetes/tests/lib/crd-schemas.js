// The vendored operators' CRDs (deploy/kubernetes/schemas/crds/<operator>/*.yaml), each served
// version's openAPIV3Schema made into a JSON Schema with the API server's structural rules: an
// object's fields are those its schema lists, unless x-kubernetes-preserve-unknown-fields says
// to keep unknown ones (otherwise the server would prune them: here they are errors);
// x-kubernetes-int-or-string takes an integer or a string; nullable takes null.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crdsDir } from './paths.js';
import { parseYamlDocuments } from './render.js';

const SCHEMA_KEYWORDS = new Set([
  'type', 'properties', 'items', 'required', 'enum', 'format', 'pattern', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems',
  'uniqueItems', 'multipleOf', 'minProperties', 'maxProperties', 'additionalProperties',
  'allOf', 'anyOf', 'oneOf', 'not', 'default', 'description', 'title',
]);

export function structural(schema) {
  if (schema === true || schema === false || schema === undefined) return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (!SCHEMA_KEYWORDS.has(k)) continue; // x-kubernetes-* validations, descriptions: not checked here
    if (k === 'properties') out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, structural(s)]));
    else if (k === 'items') out.items = structural(v);
    else if (k === 'additionalProperties') out.additionalProperties = typeof v === 'object' ? structural(v) : v;
    else if (['allOf', 'anyOf', 'oneOf'].includes(k)) out[k] = v.map(structural);
    else if (k === 'not') out.not = structural(v);
    else if (k === 'description' || k === 'title') continue;
    else out[k] = v;
  }
  // In a structural schema, anyOf/oneOf/allOf only add validations: the fields are those of the
  // node itself, and their branches must not reject fields the node allows.
  for (const k of ['allOf', 'anyOf', 'oneOf']) {
    if (out[k]) out[k] = out[k].map((branch) => ({ ...branch, additionalProperties: undefined }));
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    out.type = ['integer', 'string'];
  }
  if (schema.nullable && out.type) out.type = [...[out.type].flat(), 'null'];
  const isObject = out.type === 'object' || (Array.isArray(out.type) && out.type.includes('object'));
  if (isObject && !schema['x-kubernetes-preserve-unknown-fields'] && out.additionalProperties === undefined) {
    out.additionalProperties = false;
    if (schema['x-kubernetes-embedded-resource']) {
      out.properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...out.properties };
    }
  }
  if (schema['x-kubernetes-preserve-unknown-fields'] && out.additionalProperties === undefined) out.additionalProperties = true;
  return JSON.parse(JSON.stringify(out)); // drops the undefined additionalProperties of branches
}

/** [{ operator, release, file, group, kind, version, schema }] for every served version of every vendored CRD. */
export function crdSchemas() {
  const result = [];
  if (!existsSync(crdsDir)) return result;
  for (const operator of readdirSync(crdsDir).sort()) {
    const dir = join(crdsDir, operator);
    if (!statSync(dir).isDirectory()) continue;
    // The operator's release, as its README names it ("Release: Strimzi **1.2.0** ...").
    const readme = join(dir, 'README.md');
    const named = existsSync(readme) ? readFileSync(readme, 'utf8').match(/Release:\s*([^*\n]*?)\s*\*\*([^*]+)\*\*/) : null;
    const release = named ? `${named[1]} ${named[2]}` : `${operator} (release unknown: no README.md naming it)`;
    for (const file of readdirSync(dir).sort().filter((f) => /\.ya?ml$/.test(f))) {
      for (const crd of parseYamlDocuments(readFileSync(join(dir, file), 'utf8'), join(dir, file))) {
        if (crd.kind !== 'CustomResourceDefinition') continue;
        for (const version of crd.spec.versions ?? []) {
          if (version.served === false) continue;
          const openAPIV3Schema = version.schema?.openAPIV3Schema;
          if (!openAPIV3Schema) throw new Error(`${file}: ${crd.spec.group}/${version.name} ${crd.spec.names.kind} has no openAPIV3Schema`);
          const schema = structural(openAPIV3Schema);
          // metadata is the API server's ObjectMeta, whatever the CRD says; apiVersion and kind are checked by lookup.
          schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { $ref: 'k8s#/definitions/V1ObjectMeta' } };
          schema.additionalProperties = false;
          result.push({ operator, release, file, group: crd.spec.group, kind: crd.spec.names.kind, version: version.name, schema });
        }
      }
    }
  }
  return result;
}
