import { guardedRead } from '../../../util/guarded-read';
import { type NamedClientPackage, operationsOf } from './client-packages';
import {
  DOCUMENT_SERVICE,
  isSdkCommandClass,
  probeServiceName,
  serviceDisplayName,
  serviceKey,
} from './naming';

/** What another name of a service is, as messages name it. */
export type AliasKind = 'endpoint prefix' | 'signing name' | 'model name' | 'package name' | 'branded name';

/** What a loaded client package calls its service: the name its calls are filed under, and its other names. */
export interface ServiceIdentity {
  /** The key calls are filed under (from the client's `serviceId`) and its display form. */
  readonly serviceKey: string;
  readonly service: string;
  readonly serviceId: string | undefined;
  /** `@aws-sdk/client-sfn`. */
  readonly packageName: string;
  /** The model's service shape (`AWSStepFunctions`), shown beside the 'model name' kind. */
  readonly modelName: string | undefined;
  readonly operations: ReadonlySet<string>;
  readonly document: boolean;
  /** Every other name, by its match key (`serviceKey`), with what it is. Never the service's own key. */
  readonly aliases: ReadonlyMap<string, readonly AliasKind[]>;
}

const identities = new WeakMap<object, ServiceIdentity | null>();

/** A loaded package's identity, derived once per package copy from the SDK's own data. */
export function serviceIdentity(found: NamedClientPackage): ServiceIdentity | undefined {
  let identity = identities.get(found.exports);
  if (identity === undefined) {
    identity = readOrUndefined(() => deriveIdentity(found)) ?? null;
    identities.set(found.exports, identity);
  }
  return identity ?? undefined;
}

interface ClientFacts {
  serviceId?: string | undefined;
  signingName?: string | undefined;
  endpointPrefix?: string | undefined;
}

function deriveIdentity(found: NamedClientPackage): ServiceIdentity {
  const folder = found.packageName;
  const document = folder === 'lib-dynamodb';
  const clientClass = document ? undefined : mainClientClass(found.exports);
  const facts = clientClass === undefined ? {} : clientFacts(clientClass);
  const service = document ? DOCUMENT_SERVICE : (facts.serviceId ?? folder.slice('client-'.length));
  const key = serviceKey(service);
  const modelName = document ? undefined : modelServiceName(found.exports);
  const aliases = new Map<string, AliasKind[]>();
  const add = (name: string | undefined, kind: AliasKind) => {
    if (name === undefined) return;
    const aliasKey = serviceKey(name);
    if (aliasKey === key || aliasKey === '') return;
    const kinds = aliases.get(aliasKey) ?? [];
    if (!kinds.includes(kind)) kinds.push(kind);
    aliases.set(aliasKey, kinds);
  };
  add(facts.endpointPrefix, 'endpoint prefix');
  add(facts.signingName, 'signing name');
  for (const name of modelNames(modelName)) add(name, 'model name');
  for (const name of [folder, `@aws-sdk/${folder}`]) add(name, 'package name');
  // `AWS Lambda`, `Amazon SQS`: what the documentation calls most services.
  if (!document) for (const brand of ['AWS', 'Amazon']) add(`${brand}${key}`, 'branded name');
  return {
    serviceKey: key,
    service: serviceDisplayName(service),
    serviceId: facts.serviceId,
    packageName: `@aws-sdk/${folder}`,
    modelName,
    operations: operationsOf(found.exports),
    document,
    aliases,
  };
}

/** What a read gave, or undefined when it threw: every fact here is optional. */
function readOrUndefined<T>(read: () => T): T | undefined {
  const result = guardedRead(read);
  return result.ok ? result.value : undefined;
}

type ClientClass = new (config: object) => object;

/** `SFNClient`: the export named `*Client` whose instances can `send` (not the base `__Client`). */
function mainClientClass(exports: Record<string, unknown>): ClientClass | undefined {
  for (const [name, value] of Object.entries(exports)) {
    if (name === '__Client' || !name.endsWith('Client') || typeof value !== 'function') continue;
    if (typeof (value.prototype as { send?: unknown } | undefined)?.send === 'function') {
      return value as ClientClass;
    }
  }
  return undefined;
}

// A region with every endpoint, and static credentials so that no credential chain is even set up.
const PROBE_CONFIG = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'ts-tripwire-name-probe', secretAccessKey: 'ts-tripwire-name-probe' },
};

/**
 * The client's own `serviceId`, signing name and endpoint prefix. Only a client's resolved config holds them
 * on every SDK line (the rule set and the auth options are private to the package), so one client is built,
 * asked for the endpoint of us-east-1 (a pure function of its rule set: nothing is sent) and destroyed.
 */
function clientFacts(clientClass: ClientClass): ClientFacts {
  const built = guardedRead(() => new clientClass(PROBE_CONFIG));
  if (!built.ok) return {};
  const client = built.value as { config?: Record<string, unknown>; destroy?: () => void };
  const config = client.config ?? {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const facts: ClientFacts = {
    serviceId: text(config.serviceId),
    signingName: text(config.defaultSigningName),
    endpointPrefix: text(readOrUndefined(() => endpointPrefixOf(config.endpointProvider))),
  };
  guardedRead(() => client.destroy?.());
  return facts;
}

const PROBE_REGION = 'us-east-1';

/** `states` from `states.us-east-1.amazonaws.com`; `iam` from `iam.amazonaws.com`. Exported for its test. */
export function endpointPrefixOf(provider: unknown): string | undefined {
  if (typeof provider !== 'function') return undefined;
  const endpoint = provider({ Region: PROBE_REGION, UseFIPS: false, UseDualStack: false }) as {
    url?: { hostname?: unknown };
  };
  const host = endpoint?.url?.hostname;
  if (typeof host !== 'string') return undefined;
  const regional = host.indexOf(`.${PROBE_REGION}.`);
  if (regional > 0) return host.slice(0, regional);
  return host.endsWith('.amazonaws.com') ? host.slice(0, -'.amazonaws.com'.length) : undefined;
}

/** The model's service shape, named by the builder of the package's first command. */
function modelServiceName(exports: Record<string, unknown>): string | undefined {
  for (const [name, value] of Object.entries(exports)) {
    // The name first: it rules out most exports for a string comparison (the SDK's base `$Command` is no
    // command class of its own).
    if (!name.endsWith('Command') || !isSdkCommandClass(value)) continue;
    return readOrUndefined(() => probeServiceName(new value({})));
  }
  return undefined;
}

/** `AWSStepFunctions` → itself and `StepFunctions`; `DynamoDB_20120810` → itself and `DynamoDB`. */
function modelNames(modelName: string | undefined): string[] {
  if (modelName === undefined) return [];
  const bare = modelName.replace(/_?v?\d{8}$/i, '');
  const unbranded = bare.replace(/^(AWS|Amazon)(?=[A-Z])/, '');
  return [modelName, bare, unbranded];
}
