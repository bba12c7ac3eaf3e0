// The NetworkPolicies of a render, proven against what the code does (validate-manifests.mjs, run
// by scripts/helm-check.sh). A NetworkPolicy says little on its own: this module evaluates every
// rendered policy the way Kubernetes does, over a small model of a cluster (the render's pods plus
// PostgreSQL, Kafka, DNS, Prometheus, an OpenTelemetry collector, an ingress controller, strangers
// in and out of the namespace and addresses outside the cluster), and compares every connection it
// lets through with the one the values and the code call for:
//
//   - each Deployment's pods are selected by exactly one policy, and the migration Job's by none
//     (a pre-install hook runs before the release's policies exist);
//   - each service's egress reaches exactly PostgreSQL, Kafka (the ports of KAFKA_BROKERS), DNS,
//     the collector when OTEL_TRACES_EXPORTER is otlp, the port of each URL it fetches once set
//     (the gateway's OIDC issuer), and the gRPC port of the MedGrid services whose gRPC clients its
//     code builds: one per `config.<PEER>_GRPC_ADDRESS` that services/<name>/src reads, the only way
//     a service learns a peer's address;
//   - each service accepts gRPC exactly from the services that call it, its HTTP port exactly from
//     Prometheus (every source for the gateway's portal), plus what the values add (allowExternal*,
//     ingressNSMatchLabels, extra rules, other peers or CIDRs), read from the render's values files.
//
// Any connection more or less is a failure naming both ends and the port. Before trusting itself,
// the check breaks the default render on purpose (an edge removed, an edge added on either side, a
// policy twice, a policy missing, a call the code no longer makes) and fails unless each is caught.
//
// The model's reading of ipBlock: addresses outside the cluster, never pod IPs (as the Kubernetes
// documentation advises, since CNIs differ there); its reading of ports: a named port is the
// destination pod's container port of that name.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

const SERVER = 'server';
const TCP = 'TCP';

// ---- what the code calls ---------------------------------------------------------------------
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'dist', 'test'].includes(entry.name) ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.(int-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * For each service, the peers whose gRPC clients its code builds: every `config.<PEER>_GRPC_ADDRESS`
 * read outside the config class. A file building a client (credentials.create*) in a service that
 * reads no such address is a client the check cannot place, and fails.
 */
export function grpcCallsInCode(repo, services, fail) {
  const calls = new Map();
  for (const svc of services) {
    const peers = new Set();
    let builds = null;
    for (const file of sourceFiles(join(repo, 'services', svc, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bconfig\.([A-Z][A-Z0-9_]*)_GRPC_ADDRESS\b/g)) {
        const peer = m[1].toLowerCase().replace(/_/g, '-');
        if (!services.includes(peer)) fail(`network ${svc}`, `${file} reads ${m[0]}, which names no service`);
        else peers.add(peer);
      }
      if (/\bcredentials\.create(Insecure|Ssl|FromSecureContext)\(/.test(text)) builds ??= file;
    }
    if (builds && !peers.size)
      fail(
        `network ${svc}`,
        `${builds} builds a gRPC client but the service reads no <PEER>_GRPC_ADDRESS: name the peer by such a setting`,
      );
    calls.set(svc, peers);
  }
  return calls;
}

// ---- NetworkPolicy semantics -------------------------------------------------------------------
function labelsMatch(selector, labels) {
  for (const [key, want] of Object.entries(selector?.matchLabels ?? {}))
    if (labels[key] !== want) return false;
  for (const { key, operator, values = [] } of selector?.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, key);
    if (operator === 'In' && !(has && values.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && values.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const ipv4 = (text) => {
  const parts = text.split('.').map(Number);
  return parts.length === 4 && parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 255)
    ? parts.reduce((n, p) => n * 256 + p, 0)
    : null;
};

/** Whether an IPv4 address is in a CIDR (an IPv6 CIDR holds no IPv4 address here). */
function inCidr(ip, cidr) {
  const [base, bits] = cidr.split('/');
  const a = ipv4(ip);
  const b = ipv4(base);
  if (a === null || b === null) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(a / size) === Math.floor(b / size);
}

/** Whether a NetworkPolicyPeer names an endpoint, for a policy in namespace `home`. */
function peerMatches(peer, endpoint, home) {
  if (peer.ipBlock)
    return (
      endpoint.ip !== undefined &&
      inCidr(endpoint.ip, peer.ipBlock.cidr) &&
      !(peer.ipBlock.except ?? []).some((cidr) => inCidr(endpoint.ip, cidr))
    );
  if (endpoint.ip !== undefined) return false;
  const namespaceOk = peer.namespaceSelector
    ? labelsMatch(peer.namespaceSelector, endpoint.namespaceLabels)
    : endpoint.namespace === home;
  return namespaceOk && (!peer.podSelector || labelsMatch(peer.podSelector, endpoint.labels));
}

function portMatches(rulePorts, port) {
  if (!rulePorts?.length) return true;
  return rulePorts.some((p) => {
    if ((p.protocol ?? TCP) !== port.protocol) return false;
    if (p.port === undefined) return true;
    if (typeof p.port === 'string') return p.port === port.name;
    return port.number >= p.port && port.number <= (p.endPort ?? p.port);
  });
}

/** Whether one rule (ingress `from` or egress `to`) admits an endpoint on a port. */
function ruleAdmits(rule, peers, endpoint, port, home) {
  return (
    portMatches(rule.ports, port) &&
    (!peers?.length || peers.some((peer) => peerMatches(peer, endpoint, home)))
  );
}

const egressAllows = (policy, dst, port) =>
  (policy.spec.egress ?? []).some((rule) => ruleAdmits(rule, rule.to, dst, port, policy.metadata.namespace));
const ingressAllows = (policy, src, port) =>
  (policy.spec.ingress ?? []).some((rule) =>
    ruleAdmits(rule, rule.from, src, port, policy.metadata.namespace),
  );

// ---- the model of a cluster --------------------------------------------------------------------
const port = (number, protocol = TCP, name = undefined) => ({ number, protocol, name });
const namespaceLabels = (name, extra = {}) => ({ 'kubernetes.io/metadata.name': name, ...extra });

function pod(id, namespace, labels, ports) {
  return { id, namespace, namespaceLabels: namespaceLabels(namespace), labels, ports };
}

/** A MedGrid service's server pod as its Deployment renders it (or as it would, when not in the render). */
function serverPod(name, namespace, labels, ports, deployment = null) {
  return { ...pod(`${name}`, namespace, labels, ports), service: name, deployment };
}

function serverPodOf(deployment) {
  const template = deployment.spec.template;
  const container = template.spec.containers[0];
  const ports = (container.ports ?? []).map((p) => port(p.containerPort, p.protocol ?? TCP, p.name));
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  return {
    ...serverPod(
      template.metadata.labels['app.kubernetes.io/name'],
      deployment.metadata.namespace,
      template.metadata.labels,
      ports,
      deployment,
    ),
    env,
  };
}

/** The rest of the cluster: the infrastructure a MedGrid pod talks to, and what it must not reach. */
function otherEndpoints(namespace, objects) {
  const pgCluster = objects.find((o) => o.kind === 'Cluster')?.metadata.name ?? 'medgrid-pg';
  const kafkaCluster = objects.find((o) => o.kind === 'Kafka')?.metadata.name ?? 'medgrid';
  return [
    pod('postgresql', namespace, { 'cnpg.io/cluster': pgCluster, 'cnpg.io/instanceRole': 'primary' }, [
      port(5432),
      port(9187),
    ]),
    pod(
      'kafka-broker',
      namespace,
      {
        'strimzi.io/cluster': kafkaCluster,
        'strimzi.io/kind': 'Kafka',
        'strimzi.io/broker-role': 'true',
        'strimzi.io/controller-role': 'true',
      },
      [port(9092), port(9091), port(9090)],
    ),
    pod('kube-dns', 'kube-system', { 'k8s-app': 'kube-dns' }, [port(53, 'UDP'), port(53), port(9153)]),
    pod('prometheus', 'monitoring', { 'app.kubernetes.io/name': 'prometheus' }, [port(9090)]),
    pod('otel-collector', 'observability', { 'app.kubernetes.io/name': 'opentelemetry-collector' }, [
      port(4317),
      port(4318),
    ]),
    pod('ingress-controller', 'ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' }, [port(443)]),
    pod('stranger', namespace, { app: 'stranger' }, [port(8080), port(5432)]),
    pod('stranger-elsewhere', 'elsewhere', { app: 'stranger' }, [port(8080)]),
    { id: 'internet 203.0.113.10', ip: '203.0.113.10', ports: [port(443), port(80), port(5432), port(9092)] },
    { id: 'address 198.51.100.7', ip: '198.51.100.7', ports: [port(5432), port(9093), port(4318)] },
  ];
}

// ---- what the values ask for -------------------------------------------------------------------
/** Deep merge of values as Helm coalesces them: maps merge, anything else replaces. */
function merge(base, over) {
  if (over === undefined) return base;
  if (!isMap(base) || !isMap(over)) return over;
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = merge(base[key], value);
  return out;
}
const isMap = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A peer value (namespaceSelector, podSelector, cidrs) as the chart documents it. */
function knobPeerMatches(peer, endpoint, home) {
  if (endpoint.ip !== undefined) return (peer?.cidrs ?? []).some((cidr) => inCidr(endpoint.ip, cidr));
  if (!isMap(peer?.podSelector)) return false;
  const namespaceOk = isMap(peer.namespaceSelector)
    ? labelsMatch(peer.namespaceSelector, endpoint.namespaceLabels)
    : endpoint.namespace === home;
  return namespaceOk && labelsMatch(peer.podSelector, endpoint.labels);
}

function urlPort(url) {
  const parsed = new URL(url);
  return Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
}

/** Every connection a server pod should open, per the values and the code. */
function expectedEgress(src, dst, p, knobs, calls, fetched) {
  const home = src.namespace;
  if (knobs.allowExternalEgress) return true;
  const tcp = p.protocol === TCP;
  if (knobPeerMatches(knobs.dns, dst, home) && p.number === 53) return true;
  if (tcp && knobPeerMatches(knobs.postgresql, dst, home) && knobs.postgresql.ports.includes(p.number))
    return true;
  const brokerPorts = knobs.kafka.ports?.length
    ? knobs.kafka.ports
    : (src.env.KAFKA_BROKERS ?? '').split(',').map((b) => Number(b.split(':').pop()));
  if (tcp && knobPeerMatches(knobs.kafka, dst, home) && brokerPorts.includes(p.number)) return true;
  if (
    tcp &&
    src.env.OTEL_TRACES_EXPORTER === 'otlp' &&
    knobPeerMatches(knobs.otlp, dst, home) &&
    p.number === urlPort(src.env.OTEL_EXPORTER_OTLP_ENDPOINT)
  )
    return true;
  if (dst.service && dst.namespace === home && p.name === 'grpc' && calls.get(src.service)?.has(dst.service))
    return true;
  for (const env of fetched.get(src.service) ?? [])
    if (tcp && dst.ip !== undefined && src.env[env] && p.number === urlPort(src.env[env])) return true;
  return (knobs.extraEgress ?? []).some((rule) => ruleAdmits(rule, rule.to, dst, p, home));
}

/** Every connection a server pod should accept, per the values and the code. */
function expectedIngress(dst, src, p, knobs, calls) {
  const home = dst.namespace;
  const nsClient =
    src.ip === undefined &&
    Object.keys(knobs.ingressNSMatchLabels ?? {}).length > 0 &&
    labelsMatch({ matchLabels: knobs.ingressNSMatchLabels }, src.namespaceLabels) &&
    labelsMatch({ matchLabels: knobs.ingressNSPodMatchLabels ?? {} }, src.labels);
  if (p.name === 'grpc') {
    const caller =
      src.service && src.namespace === home && src.labels['app.kubernetes.io/component'] === SERVER;
    if (knobs.allowExternal || nsClient || (caller && calls.get(src.service)?.has(dst.service))) return true;
  }
  if (p.name === 'http' && (knobs.allowExternalHttp || nsClient || knobPeerMatches(knobs.metrics, src, home)))
    return true;
  return (knobs.extraIngress ?? []).some((rule) => ruleAdmits(rule, rule.from, src, p, home));
}

// ---- the check of one render -------------------------------------------------------------------
const edge = (src, dst, p) => `${src.id} -> ${dst.id}:${p.name ?? p.number}/${p.protocol}`;

/**
 * Checks one render's policies. `knobsOf(service)` is the service's networkPolicy values in this
 * render; `calls` the peers each service's code calls; `fetched` the variables of the URLs each
 * fetches. Failures go to `fail(where, message)`; returns the number of connections judged.
 */
function checkRender(render, objects, { services, knobsOf, calls, fetched, fail }) {
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  const servers = deployments.map(serverPodOf);
  const namespace = deployments[0]?.metadata.namespace ?? 'medgrid';
  // The services this render does not deploy still run somewhere in the namespace (another release).
  for (const name of services)
    if (!servers.some((s) => s.service === name))
      servers.push({
        ...serverPod(
          name,
          namespace,
          {
            'app.kubernetes.io/name': name,
            'app.kubernetes.io/instance': 'elsewhere',
            'app.kubernetes.io/component': SERVER,
            'app.kubernetes.io/part-of': 'medgrid',
          },
          [port(1, TCP, 'grpc'), port(2, TCP, 'http')],
        ),
        env: {},
      });
  const jobs = objects
    .filter((o) => o.kind === 'Job')
    .map((job) => pod(job.metadata.name, job.metadata.namespace, job.spec.template.metadata.labels, []));
  const everyone = [...servers, ...jobs, ...otherEndpoints(namespace, objects)];
  const selecting = (p) =>
    policies.filter(
      (np) => np.metadata.namespace === p.namespace && labelsMatch(np.spec.podSelector, p.labels),
    );

  for (const job of jobs) {
    const found = selecting(job);
    if (found.length)
      fail(
        `${render} Job/${job.id}`,
        `its pods are selected by NetworkPolicy ${found.map((np) => np.metadata.name).join(', ')}: a pre-install hook runs before it exists`,
      );
  }
  let judged = 0;
  for (const server of servers.filter((s) => s.deployment)) {
    const where = `${render} Deployment/${server.deployment.metadata.name}`;
    const found = selecting(server);
    if (found.length !== 1) {
      fail(
        where,
        `its pods are selected by ${found.length} NetworkPolicies (${found.map((np) => np.metadata.name).join(', ') || 'none'}); exactly one is expected`,
      );
      continue;
    }
    const [policy] = found;
    const types = policy.spec.policyTypes ?? [];
    if (!types.includes('Ingress') || !types.includes('Egress'))
      fail(`${where} NetworkPolicy/${policy.metadata.name}`, 'policyTypes must be Ingress and Egress');
    const knobs = knobsOf(server.service);
    for (const other of everyone) {
      if (other === server) continue;
      for (const p of other.ports) {
        judged += 1;
        const got = egressAllows(policy, other, p);
        const want = expectedEgress(server, other, p, knobs, calls, fetched);
        if (got !== want)
          fail(
            `${where} NetworkPolicy/${policy.metadata.name}`,
            `${got ? 'extra' : 'missing'} egress ${edge(server, other, p)}${
              other.service && p.name === 'grpc'
                ? ` (${server.service} ${calls.get(server.service)?.has(other.service) ? 'calls' : 'does not call'} ${other.service} in services/${server.service}/src)`
                : ''
            }`,
          );
      }
      for (const p of server.ports) {
        judged += 1;
        const got = ingressAllows(policy, other, p);
        const want = expectedIngress(server, other, p, knobs, calls);
        if (got !== want)
          fail(
            `${where} NetworkPolicy/${policy.metadata.name}`,
            `${got ? 'extra' : 'missing'} ingress ${edge(other, server, p)}${
              other.service && p.name === 'grpc'
                ? ` (${other.service} ${calls.get(other.service)?.has(server.service) ? 'calls' : 'does not call'} ${server.service})`
                : ''
            }`,
          );
      }
    }
  }
  return { policies: policies.length, judged };
}

// ---- the check of every render, and of itself -----------------------------------------------------
/** Values of a service in a render: its chart's defaults, the umbrella's, the render's values file. */
function knobsFor(helmDir, render, renderValues) {
  const cache = new Map();
  const read = (path) => {
    if (!cache.has(path)) cache.set(path, parseYaml(readFileSync(path, 'utf8')) ?? {});
    return cache.get(path);
  };
  const umbrella = render.startsWith('medgrid-');
  const file = renderValues.get(render);
  return (service) => {
    let values = read(join(helmDir, service, 'values.yaml')).networkPolicy;
    if (umbrella) values = merge(values, read(join(helmDir, 'medgrid/values.yaml'))[service]?.networkPolicy);
    if (file) values = merge(values, read(file)[service]?.networkPolicy);
    return values;
  };
}

/** The default render broken on purpose: each breakage must fail the check with the expected message. */
function selfTest(objects, context, fail) {
  const policyOf = (list, name) => list.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === name);
  const callees = (np) => np.spec.egress.find((rule) => rule.ports?.some((p) => p.port === 'grpc'));
  const grpcRule = (name) => ({
    ports: [{ port: 'grpc', protocol: TCP }],
    to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': name } } }],
  });
  const cases = [
    [
      'an edge the gateway needs, removed',
      /missing egress gateway -> registry:grpc/,
      (o) => callees(policyOf(o, 'medgrid-gateway')).to.shift(),
    ],
    [
      'an egress the code never makes',
      /extra egress referral -> registry:grpc/,
      (o) => policyOf(o, 'medgrid-referral').spec.egress.push(grpcRule('registry')),
    ],
    [
      'an ingress from a service that does not call',
      /extra ingress referral -> registry:grpc/,
      (o) =>
        policyOf(o, 'medgrid-registry').spec.ingress.push({
          ports: [{ port: 'grpc' }],
          from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'referral' } } }],
        }),
    ],
    [
      'a second policy on the same pods',
      /selected by 2 NetworkPolicies/,
      (o) =>
        o.push({
          ...policyOf(o, 'medgrid-gateway'),
          metadata: { ...policyOf(o, 'medgrid-gateway').metadata, name: 'copy' },
        }),
    ],
    [
      'a policy missing',
      /selected by 0 NetworkPolicies/,
      (o) => o.splice(o.indexOf(policyOf(o, 'medgrid-referral')), 1),
    ],
    ['a call the code no longer makes', /extra egress gateway -> payment:grpc/, null],
  ];
  for (const [what, expected, breakIt] of cases) {
    const copy = structuredClone(objects);
    let calls = context.calls;
    if (breakIt) breakIt(copy);
    else
      calls = new Map(
        [...calls].map(([svc, peers]) => [svc, new Set([...peers].filter((p) => p !== 'payment'))]),
      );
    const found = [];
    checkRender('self-test', copy, {
      ...context,
      calls,
      fail: (where, message) => found.push(`${where}: ${message}`),
    });
    if (!found.some((message) => expected.test(message)))
      fail(
        'network self-test',
        `${what} went unnoticed (expected ${expected}; got ${found.join(' | ') || 'nothing'})`,
      );
  }
  return cases.length;
}

/**
 * Checks every render's NetworkPolicies. `renderValues` maps a render name to the values file it
 * was rendered with (the umbrella's renders start with "medgrid-", a service chart's with its name).
 */
export function checkNetworkPolicies({ repo, renders, services, renderValues, fail }) {
  const helmDir = join(repo, 'deploy/helm');
  const charts = createRequire(import.meta.url)(join(helmDir, 'tools/service-charts.js'));
  const entries = charts.readServices(repo);
  const calls = grpcCallsInCode(repo, services, fail);
  for (const entry of entries) {
    const declared = charts.grpcCalls(entry).sort().join(', ') || 'none';
    const built = [...(calls.get(entry.name) ?? [])].sort().join(', ') || 'none';
    if (declared !== built)
      fail(
        `network ${entry.name}`,
        `services.json's <PEER>_GRPC_ADDRESS settings name ${declared}, the code builds clients of ${built}`,
      );
  }
  const fetched = new Map(
    entries.map((entry) => [entry.name, (entry.values ?? []).filter((v) => v.fetched).map((v) => v.env)]),
  );
  const stats = { policies: 0, judged: 0, selfTests: 0 };
  for (const [render, objects] of renders) {
    if (!objects.some((o) => o.kind === 'Deployment')) continue;
    const knobsOf = knobsFor(helmDir, render, renderValues);
    const context = { services, knobsOf, calls, fetched, fail };
    const counted = checkRender(render, objects, context);
    stats.policies += counted.policies;
    stats.judged += counted.judged;
    if (render === 'medgrid-defaults') stats.selfTests = selfTest(objects, context, fail);
  }
  if (!stats.selfTests) fail('network', 'no medgrid-defaults render to test the check on');
  return stats;
}
