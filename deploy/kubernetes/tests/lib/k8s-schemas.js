// The Kubernetes 1.32 API as JSON Schemas, built from the models of @kubernetes/client-node 1.1.x,
// which the Kubernetes project generates from the v1.32.0 OpenAPI document (each model file says
// "OpenAPI spec version: v1.32.0"). Each model lists its fields with their types
// (attributeTypeMap) and its declaration marks the required ones (no `?`). The schemas are strict
// like the API server with fieldValidation=Strict: a field the model does not list is an error.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { testsDir } from './paths.js';

const clientDir = join(testsDir, 'node_modules', '@kubernetes', 'client-node');
const modelsDir = join(clientDir, 'dist', 'gen', 'models');
const apisDir = join(clientDir, 'dist', 'gen', 'apis');

// client-node types resource.Quantity as a plain string; the API also takes a number for it
// (`cpu: 1`). These are the Quantity fields of the 1.32 API (maps of quantities and single ones).
const QUANTITY_FIELDS = new Set([
  'V1ResourceRequirements.limits', 'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits', 'V1VolumeResourceRequirements.requests',
  'V1EmptyDirVolumeSource.sizeLimit', 'V1ResourceFieldSelector.divisor',
  'V1PodSpec.overhead', 'V1Overhead.podFixed',
  'V1LimitRangeItem.default', 'V1LimitRangeItem.defaultRequest', 'V1LimitRangeItem.max',
  'V1LimitRangeItem.maxLimitRequestRatio', 'V1LimitRangeItem.min',
  'V1ResourceQuotaSpec.hard', 'V1ResourceQuotaStatus.hard', 'V1ResourceQuotaStatus.used',
  'V1PersistentVolumeSpec.capacity', 'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1NodeStatus.allocatable', 'V1NodeStatus.capacity',
  'V2MetricTarget.averageValue', 'V2MetricTarget.value',
  'V2MetricValueStatus.averageValue', 'V2MetricValueStatus.value',
  'V1CSIStorageCapacity.capacity', 'V1CSIStorageCapacity.maximumVolumeSize',
  'V1ContainerStatus.allocatedResources',
]);

const VERSION_PREFIX = /^(?:[A-Z][a-z]+)*?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/;

export const kubernetesVersion = (() => {
  const text = readFileSync(join(modelsDir, 'V1Pod.js'), 'utf8');
  return text.match(/OpenAPI spec version: v?([0-9.]+)/)?.[1] ?? 'unknown';
})();

function readModels() {
  const models = new Map();
  for (const file of readdirSync(modelsDir)) {
    if (!file.endsWith('.js') || file === 'ObjectSerializer.js' || file === 'all.js') continue;
    const name = file.slice(0, -3);
    const text = readFileSync(join(modelsDir, file), 'utf8');
    const map = text.match(/\.attributeTypeMap = (\[[\s\S]*?\n\]);/);
    if (!map) continue;
    const declaration = readFileSync(join(modelsDir, `${name}.d.ts`), 'utf8');
    const required = new Set();
    for (const m of declaration.matchAll(/^ {4}'([^']+)': /gm)) required.add(m[1]);
    models.set(name, { attributes: JSON.parse(map[1]), required });
  }
  return models;
}

function typeSchema(type, format, quantity) {
  if (quantity && type === 'string') return { type: ['string', 'number'] };
  if (type === 'string') return { type: 'string' };
  if (type === 'Date' || type === 'V1MicroTime') return { type: 'string' }; // MicroTime: a timestamp client-node keeps as a string
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'number') return { type: format === 'int32' || format === 'int64' ? 'integer' : 'number' };
  if (type === 'any') return {};
  if (type === 'IntOrString') return { type: ['integer', 'string'] };
  const array = type.match(/^Array<(.+)>$/);
  if (array) return { type: 'array', items: typeSchema(array[1], '', quantity) };
  const map = type.match(/^\{ \[key: string\]: (.+); \}$/);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], '', quantity) };
  if (/^[A-Za-z0-9]+$/.test(type)) return { $ref: `#/definitions/${type}` };
  throw new Error(`unknown client-node type ${type}`);
}

/** { definitions, kinds: Map("group/version:Kind" -> model name) } */
export function kubernetesSchemas() {
  const models = readModels();
  const definitions = {};
  for (const [name, { attributes, required }] of models) {
    const properties = {};
    for (const a of attributes) {
      properties[a.baseName] = typeSchema(a.type, a.format, QUANTITY_FIELDS.has(`${name}.${a.baseName}`));
    }
    definitions[name] = {
      type: 'object',
      properties,
      required: attributes.filter((a) => required.has(a.name)).map((a) => a.baseName),
      additionalProperties: false,
    };
  }
  // Served kinds: what each API group's client POSTs to a collection /api[s]/<group>/<version>/[namespaces/{namespace}/]<plural>.
  const kinds = new Map();
  for (const file of readdirSync(apisDir)) {
    if (!file.endsWith('Api.js')) continue;
    const text = readFileSync(join(apisDir, file), 'utf8');
    for (const chunk of text.split("const localVarPath = '").slice(1)) {
      const body = chunk.match(/^([^']+)'[\s\S]*?HttpMethod\.POST\)[\s\S]*?serialize\(body, "([A-Za-z0-9]+)"/);
      if (!body) continue;
      const m = body;
      const path = m[1].match(/^\/apis?\/(?:([a-z0-9.-]+)\/)?(v[0-9a-z]+)\/(?:namespaces\/\{namespace\}\/)?([a-z]+)$/);
      if (!path) continue;
      const [, group, version] = path;
      const model = m[2];
      if (!models.has(model) || !models.get(model).attributes.some((a) => a.baseName === 'kind')) continue;
      const kind = model.replace(VERSION_PREFIX, '');
      kinds.set(`${group ? `${group}/` : ''}${version}:${kind}`, model);
    }
  }
  return { definitions, kinds };
}
