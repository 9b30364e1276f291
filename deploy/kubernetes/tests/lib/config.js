// Configuration coverage: what each app reads (its properties files) against what its rendered
// Deployment sets (env, envFrom ConfigMaps, Secrets the operations guide or an operator provides).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from './render.js';
import { ofKind, passerelleDeployments, podLabels, podSpec } from './objects.js';
import { configurationGuide, operationsGuide, repoRoot } from './paths.js';

/** MicroProfile Config's environment name of a property: upper case, every other character `_`. */
export function envName(property) {
  return property.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
}

/** key -> value of a .properties file, for the production profile (%prod. kept, other profiles dropped). */
export function readProperties(file) {
  const props = new Map();
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i].trimStart();
    line = line.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    let key = line.slice(0, eq).trim();
    if (key.startsWith('%')) {
      if (!key.startsWith('%prod.')) continue;
      key = key.slice('%prod.'.length);
    }
    props.set(key, line.slice(eq + 1).trim());
  }
  return props;
}

/** Every ${NAME:default} in a value, nested ones included: [{ name, default (raw text or undefined) }]. */
export function expressions(value) {
  const found = [];
  for (let i = value.indexOf('${'); i >= 0; i = value.indexOf('${', i + 2)) {
    let depth = 0;
    let end = -1;
    for (let j = i; j < value.length; j++) {
      if (value.startsWith('${', j)) {
        depth++;
        j++;
      } else if (value[j] === '}' && --depth === 0) {
        end = j;
        break;
      }
    }
    if (end < 0) break;
    const body = value.slice(i + 2, end);
    const colon = body.indexOf(':');
    found.push({ name: colon < 0 ? body : body.slice(0, colon), default: colon < 0 ? undefined : body.slice(colon + 1) });
  }
  return found;
}

const CREDENTIAL = /PASSWORD|SECRET|JAAS|TRUSTSTORE|KEYSTORE|SASL|TOKEN|CREDENTIAL/;

/**
 * Why a default works only on a developer's machine, or undefined. The rule: it names a loopback
 * address (127.x.x.x, localhost, [::1]); or it is the local stack's demo password `passerelle`;
 * or it is Kafka's PLAINTEXT protocol; or it leaves a credential (a variable named PASSWORD,
 * SECRET, JAAS, TRUSTSTORE, KEYSTORE, SASL, TOKEN or CREDENTIAL) empty.
 */
export function developerOnly(variable, value) {
  if (value === undefined) return undefined;
  const text = value.replace(/\\u0020/g, ' ');
  if (/(^|[^0-9])127\.\d+\.\d+\.\d+|localhost|\[::1\]/i.test(text)) return `names a loopback address (${value})`;
  if (text === 'passerelle') return 'is the local stack\'s demo password';
  if (text.trim().toUpperCase() === 'PLAINTEXT') return 'is PLAINTEXT (no TLS, no authentication)';
  if (text.trim() === '' && CREDENTIAL.test(variable)) return 'leaves a credential empty';
  return undefined;
}

/** The properties files an app reads: its own, and commons' shared defaults when it depends on commons' main jar. */
export function propertiesFiles(app) {
  const module = join(repoRoot, app);
  const files = [];
  const pom = join(module, 'pom.xml');
  if (existsSync(pom)) {
    const dependsOnCommons = readFileSync(pom, 'utf8').split('\n')
      .some((l) => l.includes('<artifactId>passerelle-commons</artifactId>') && !l.includes('test-jar'));
    if (dependsOnCommons) files.push(join(repoRoot, 'commons', 'src', 'main', 'resources', 'META-INF', 'microprofile-config.properties'));
  }
  const own = join(module, 'src', 'main', 'resources', 'application.properties');
  if (existsSync(own)) files.push(own);
  return files;
}

/** What an app reads: { properties: Map(key -> value), needed: Map(var -> { property, why }), referenced: Set(var) } */
export function appConfiguration(app) {
  const properties = new Map();
  for (const f of propertiesFiles(app)) for (const [k, v] of readProperties(f)) properties.set(k, v);
  const needed = new Map();
  const referenced = new Set();
  for (const [key, value] of properties) {
    for (const e of expressions(value)) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(e.name)) continue;
      referenced.add(e.name);
      const why = developerOnly(e.name, e.default);
      if (why && !needed.has(e.name)) needed.set(e.name, { property: key, default: e.default, why });
    }
  }
  return { properties, needed, referenced };
}

// Properties the configuration guide documents (`passerelle.gateway.countries.<CC>.backends.<backend>`),
// as patterns over their environment names.
export function documentedPropertyPatterns() {
  if (!existsSync(configurationGuide)) return [];
  const text = readFileSync(configurationGuide, 'utf8');
  const patterns = [];
  for (const [, token] of text.matchAll(/`([a-z][a-z0-9-]*(?:\.[^`\s]+)+)`/g)) {
    if (!/^[a-z0-9.<>"\/*_-]+$/i.test(token)) continue;
    const marked = token.replace(/<[^>]+>/g, '\u0000');
    const env = envName(marked.replace(/\u0000/g, 'PLACEHOLDER')).replace(/PLACEHOLDER/g, '[A-Z0-9_]+');
    patterns.push(new RegExp(`^${env}$`));
  }
  return patterns;
}

// Read by the JVM, the image's launcher or Kubernetes itself rather than by Quarkus' configuration.
export const RUNTIME_VARIABLES = new Set([
  'JAVA_TOOL_OPTIONS', 'JDK_JAVA_OPTIONS', 'JAVA_OPTS', 'JAVA_OPTS_APPEND', 'JAVA_MAX_MEM_RATIO',
  'JAVA_INITIAL_MEM_RATIO', 'KUBERNETES_NAMESPACE',
]);

/** Secrets the operators create from the custom resources in the render: name -> keys (undefined: any). */
export function operatorSecrets(objects) {
  const secrets = new Map();
  for (const c of ofKind(objects, 'Cluster', 'postgresql.cnpg.io')) {
    secrets.set(`${c.metadata.name}-app`, ['username', 'password', 'host', 'port', 'dbname', 'uri', 'jdbc-uri', 'pgpass', 'user', 'fqdn-uri', 'fqdn-jdbc-uri']);
    secrets.set(`${c.metadata.name}-superuser`, ['username', 'password', 'host', 'port', 'dbname', 'uri', 'jdbc-uri', 'pgpass', 'user']);
  }
  for (const u of ofKind(objects, 'KafkaUser', 'kafka.strimzi.io')) {
    const type = u.spec?.authentication?.type;
    secrets.set(u.metadata.name, type === 'tls' ? ['ca.crt', 'user.crt', 'user.key', 'user.p12', 'user.password'] : ['password', 'sasl.jaas.config']);
  }
  for (const k of ofKind(objects, 'Kafka', 'kafka.strimzi.io')) {
    secrets.set(`${k.metadata.name}-cluster-ca-cert`, ['ca.crt', 'ca.p12', 'ca.password']);
    secrets.set(`${k.metadata.name}-clients-ca-cert`, ['ca.crt', 'ca.p12', 'ca.password']);
  }
  for (const k of ofKind(objects, 'Keycloak', 'k8s.keycloak.org')) secrets.set(`${k.metadata.name}-initial-admin`, ['username', 'password']);
  return secrets;
}

/**
 * Secrets the operations guide lists: the Secrets named in the first cell of each row of the
 * tables in its "Secrets" section, with the keys its Keys column names: [{ pattern, name, keys }]
 * (`<svc>`-style placeholders match any name part; examples in parentheses are skipped).
 */
export function documentedSecrets() {
  if (!existsSync(operationsGuide)) return [];
  const section = readFileSync(operationsGuide, 'utf8').split(/^## /m).find((s) => /^Secrets\b/.test(s)) ?? '';
  const found = [];
  let keysColumn = -1;
  for (const line of section.split('\n')) {
    if (!line.startsWith('|')) {
      keysColumn = -1;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (keysColumn < 0) {
      keysColumn = cells.findIndex((c) => /^Keys/.test(c));
      continue;
    }
    if (/^-+$/.test(cells[0])) continue;
    const names = [...cells[0].replace(/\([^)]*\)/g, '').matchAll(/`([^`]+)`/g)].map(([, n]) => n)
      .filter((n) => /^[a-z0-9<][a-z0-9<>.-]*$/.test(n));
    const keys = [...(cells[keysColumn] ?? '').matchAll(/`([^`]+)`/g)].map(([, k]) => k);
    for (const name of names) {
      const pattern = new RegExp(`^${name.replace(/\./g, '\\.').replace(/<[^>]+>/g, '[a-z0-9-]+')}$`);
      found.push({ name, keys: keys.length > 0 ? keys : undefined, pattern });
    }
  }
  return found;
}

/** The Secrets objects of the render refer to: [{ object, path, name, key? }]. */
export function secretReferences(objects) {
  const refs = [];
  const walk = (obj, value, path) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(obj, v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const at = `${path}.${k}`;
        if ((k === 'secretName' || k === 'tlsSecret') && typeof v === 'string') refs.push({ object: obj, path: at, name: v });
        else if (/^(secretKeyRef|secretRef|secret|usernameSecret|passwordSecret|accessKeyId|secretAccessKey|sessionToken|region)$/.test(k)
          && v && typeof v === 'object' && typeof v.name === 'string') refs.push({ object: obj, path: at, name: v.name, key: v.key });
        else walk(obj, v, at);
      }
    }
  };
  for (const o of objects) walk(o, o, '');
  return refs;
}

/** Where a Secret comes from: { keys (undefined: not said), by } or undefined. */
function secretSource(name, fromOperators, documented) {
  if (fromOperators.has(name)) return { keys: fromOperators.get(name), by: 'its operator writes' };
  const listed = documented.find((d) => d.pattern.test(name));
  return listed ? { keys: listed.keys, by: 'the guide lists' } : undefined;
}

/** Every Secret referred to is made by an operator's resource in the render or listed by the guide, with that key. */
export function secretReferenceViolations(objects) {
  const out = [];
  const fromOperators = operatorSecrets(objects);
  const documented = documentedSecrets();
  for (const r of secretReferences(objects)) {
    const where = `${describe(r.object)} ${r.path}`;
    const source = secretSource(r.name, fromOperators, documented);
    if (!source) out.push(`${where}: Secret ${r.name} is neither made by an operator's resource in the render nor listed in docs/guides/kubernetes.md ("Secrets")`);
    else if (r.key && source.keys && !source.keys.includes(r.key)) out.push(`${where}: key ${r.key} of Secret ${r.name} is not one ${source.by} (${source.keys.join(', ')})`);
  }
  return out;
}

/**
 * The environment of a Deployment's main container: Map(var -> { value?, secret?, configMap?, key?, from }).
 * envFrom ConfigMaps are read from the render (kustomize has already rewritten their hashed names).
 */
export function containerEnvironment(deployment, objects) {
  const env = new Map();
  const ns = deployment.metadata.namespace;
  const container = podSpec(deployment).containers[0];
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === source.configMapRef.name && o.metadata.namespace === ns);
      for (const [k, v] of Object.entries(cm?.data ?? {})) env.set(`${source.prefix ?? ''}${k}`, { value: v, from: `ConfigMap ${source.configMapRef.name}` });
      if (!cm) env.set(`envFrom:${source.configMapRef.name}`, { missingConfigMap: source.configMapRef.name, from: 'envFrom' });
    }
    if (source.secretRef) env.set(`envFrom:${source.secretRef.name}`, { secret: source.secretRef.name, from: `envFrom Secret ${source.secretRef.name}` });
  }
  for (const e of container.env ?? []) {
    if (e.valueFrom?.secretKeyRef) env.set(e.name, { secret: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key, from: `Secret ${e.valueFrom.secretKeyRef.name}` });
    else if (e.valueFrom?.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      const cm = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === ref.name && o.metadata.namespace === ns);
      env.set(e.name, { value: cm?.data?.[ref.key], configMap: ref.name, key: ref.key, missing: cm?.data?.[ref.key] === undefined, from: `ConfigMap ${ref.name}` });
    } else if (e.valueFrom) env.set(e.name, { value: undefined, from: 'fieldRef/resourceFieldRef' });
    else env.set(e.name, { value: e.value ?? '', from: 'env' });
  }
  return env;
}

export function appName(deployment) {
  return podLabels(deployment)['app.kubernetes.io/name'] ?? deployment.metadata.name;
}

/** Violations of configuration coverage in one rendered overlay. */
export function configurationViolations(objects) {
  const out = [];
  const fromOperators = operatorSecrets(objects);
  const documented = documentedSecrets();
  const documentedProperties = documentedPropertyPatterns();
  // A ConfigMap several apps take whole (envFrom) may hold what only some of them read.
  const sharedKeys = new Map();
  for (const d of passerelleDeployments(objects)) {
    const app = appName(d);
    const where = describe(d);
    const files = propertiesFiles(app);
    if (files.length === 0) {
      out.push(`${where}: no module ${app} with an application.properties in the repository`);
      continue;
    }
    const { properties, needed, referenced } = appConfiguration(app);
    const env = containerEnvironment(d, objects);
    const propertyEnvNames = new Set([...properties.keys()].map(envName));
    for (const [variable, need] of needed) {
      const direct = env.get(variable) ?? env.get(envName(need.property));
      if (!direct) {
        out.push(`${where}: ${variable} is not set (${need.property}'s default ${need.why}, fine only on a developer's machine)`);
        continue;
      }
      if (direct.value !== undefined) {
        const why = developerOnly(variable, direct.value);
        if (why) out.push(`${where}: ${variable} from ${direct.from} ${why}`);
      }
    }
    for (const [variable, e] of env) {
      if (e.missingConfigMap) out.push(`${where}: envFrom names ConfigMap ${e.missingConfigMap}, which the render does not have`);
      if (e.missing) out.push(`${where}: ${variable} reads key ${e.key} of ConfigMap ${e.configMap}, which the render does not have`);
      if (e.secret) {
        const source = secretSource(e.secret, fromOperators, documented);
        if (!source) out.push(`${where}: ${variable} reads Secret ${e.secret}, which neither an operator's resource in the render creates nor docs/guides/kubernetes.md lists`);
        else if (e.key && source.keys && !source.keys.includes(e.key)) out.push(`${where}: ${variable} reads key ${e.key} of Secret ${e.secret}, which is not one ${source.by} (${source.keys.join(', ')})`);
      }
      if (variable.startsWith('envFrom:')) continue;
      // Addresses a browser or another cluster uses carry tokens and personal data: https only.
      if (/(_URL|_ORIGINS|_BACKENDS_[A-Z0-9_]+)$/.test(variable) && typeof e.value === 'string' && /(^|,)\s*http:\/\//.test(e.value)) {
        out.push(`${where}: ${variable} (${e.from}) is plain http: ${e.value}`);
      }
      const read = referenced.has(variable) || propertyEnvNames.has(variable) || RUNTIME_VARIABLES.has(variable)
        || documentedProperties.some((re) => re.test(variable));
      if (e.from.startsWith('ConfigMap ') && !e.configMap) {
        const id = `${d.metadata.namespace}/${e.from} key ${variable}`;
        const shared = sharedKeys.get(id) ?? { read: false, apps: [] };
        shared.read ||= read;
        shared.apps.push(app);
        sharedKeys.set(id, shared);
      } else if (!read) out.push(`${where}: ${variable} (${e.from}) is read by no property of ${app} (typo?)`);
    }
  }
  for (const [id, shared] of sharedKeys) {
    if (!shared.read) out.push(`${id}: read by no property of the apps that take it (${shared.apps.join(', ')}) (typo?)`);
  }
  return out;
}

/** Secrets in the render that carry data: secrets belong to the cluster, never to git. */
export function secretsInGit(objects) {
  return ofKind(objects, 'Secret')
    .filter((s) => Object.keys(s.data ?? {}).length + Object.keys(s.stringData ?? {}).length > 0)
    .map((s) => `${describe(s)}: a Secret with data in the manifests (secrets are created in the cluster, never kept in git)`);
}
