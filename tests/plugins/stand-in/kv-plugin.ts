import {
  ABSENT,
  CallSite,
  canonicalKey,
  describeValue,
  diffValues,
  type FieldMismatch,
  formatValue,
  type Interaction,
  type InteractionSummary,
  Note,
  type Plugin,
  type PluginHost,
  type PluginKind,
  type Route,
  type SettingSpecs,
  TripwireConfigError,
  type UnusedMock,
} from 'ts-tripwire/plugin';
import { installKvInterception, type KvCall, type KvCallHandler } from './kv-interception';
import {
  formatKvCall,
  guardedKvError,
  type KvExpected,
  type KvFields,
  keyTooLongError,
  kvAssertHint,
  postSandboxKvError,
  unmockedKvError,
} from './kv-messages';

type KvMethod = 'get' | 'set';

/**
 * How a mocked call answers: with a stored value (`get`), or by raising into the code. `required: false`
 * lets the test pass when no call used it.
 */
export type KvMockSpec = ({ readonly returns?: string } | { readonly raises: Error }) & {
  readonly required?: false;
};

interface KvMock {
  readonly spec: KvMockSpec;
  readonly registeredAt: CallSite;
}

const SETTINGS: SettingSpecs = {
  kvMaxKeyLength: {
    default: 250,
    check: (value, described) =>
      typeof value === 'number' && Number.isInteger(value) && value > 0
        ? undefined
        : `takes a whole number of characters above 0, not ${described}`,
    example: 'kvMaxKeyLength: 64',
  },
};

const SUCCEEDED = new Note('nothing: the call succeeded');

// #region plugin
/**
 * A third-party plugin for `KeyValueClient`, written against `ts-tripwire/plugin` alone: `new
 * KeyValuePlugin(verifier)` enables it on that verifier, and on no other.
 */
export class KeyValuePlugin implements Plugin<KvFields, KvExpected>, KvCallHandler {
  readonly name = 'kv';
  readonly settings = SETTINGS;
  private readonly mocks: Record<KvMethod, KvMock[]> = { get: [], set: [] };
  private readonly configured: Readonly<Record<string, unknown>>;

  constructor(private readonly host: PluginHost) {
    host.registerPlugin(this);
    this.configured = host.settingsOf(this);
  }

  /** Queues the answer of the next call of `method`: `mockCall('get', { returns: 'Ada' })`. */
  mockCall(method: KvMethod, spec: KvMockSpec = {}): void {
    this.host.ensureUsable('kv.mockCall()');
    this.mocks[checkedMethod(method, 'mockCall', this.host.hintName)].push({
      spec,
      // The user's line, not this plugin's: frames from mockCall up are left out.
      registeredAt: new CallSite(KeyValuePlugin.prototype.mockCall),
    });
  }

  /** Asserts the next recorded interaction (or, in `inAnyOrder`, any): `assertCall({ method, key })`. */
  assertCall(expected: KvExpected): void {
    this.host.ensureUsable('kv.assertCall()');
    checkedMethod(expected.method, 'assertCall', this.host.hintName);
    this.host.assertInteraction(this, expected);
  }

  // #endregion plugin

  // The plugin contract

  activate(): void {
    installKvInterception();
  }

  /** Nothing to undo: the patches stay installed and pass calls through when no verifier routes them. */
  deactivate(): void {}

  release(): void {
    this.mocks.get = [];
    this.mocks.set = [];
  }

  formatInteraction(interaction: Interaction<KvFields>): string {
    const { raised } = interaction.fields;
    const call = formatKvCall(interaction.fields);
    return raised === undefined ? call : `${call} raised ${raised.name}: ${raised.message}`;
  }

  formatExpected(expected: KvExpected): string {
    const call = formatKvCall(expected);
    return 'raised' in expected ? `${call} raised ${formatValue(expected.raised)}` : call;
  }

  assertHint(interaction: Interaction<KvFields>): string {
    return kvAssertHint(this.host.hintName, interaction.fields);
  }

  matchFields(interaction: Interaction<KvFields>, expected: KvExpected): FieldMismatch[] {
    const actual = interaction.fields;
    const mismatches: FieldMismatch[] = [];
    if (actual.method !== expected.method) {
      mismatches.push({ path: 'method', expected: expected.method, actual: actual.method });
    }
    diffValues(expected.key, actual.key, 'key', mismatches);
    if (actual.method === 'set' || 'value' in expected) {
      diffValues(expected.value ?? ABSENT, actual.value ?? ABSENT, 'value', mismatches);
    }
    if ('raised' in expected) {
      const raised = actual.raised === undefined ? SUCCEEDED : actual.raised.message;
      diffValues(expected.raised, raised, 'raised', mismatches);
    }
    return mismatches;
  }

  missingFields(interaction: Interaction<KvFields>, expected: KvExpected): string[] {
    return interaction.fields.raised !== undefined && !('raised' in expected) ? ['raised'] : [];
  }

  assertionKey(interaction: Interaction<KvFields>): string | undefined {
    const { method, key, value, raised } = interaction.fields;
    return canonicalKey({ method, key, value, raised: raised?.message });
  }

  expectedKey(expected: KvExpected): string | undefined {
    const { method, key, value, raised } = expected;
    return canonicalKey({ method, key, value, raised });
  }

  summarize(interaction: Interaction<KvFields>): InteractionSummary {
    const { method, key, value, raised } = interaction.fields;
    return { sequence: interaction.sequence, plugin: 'kv', method, key, value, raised: raised?.message };
  }

  unusedMocks(): UnusedMock[] {
    return (['get', 'set'] as const).flatMap((method) =>
      this.mocks[method]
        .filter(({ spec }) => spec.required !== false)
        .map(({ spec, registeredAt }) => ({
          summary: { plugin: 'kv', method, registeredAt: registeredAt.toString() },
          description: `kv.${method} ${formatValue(spec)}, registered at ${registeredAt}`,
          advice: 'Make the code under test call them, or remove them.',
        })),
    );
  }

  // Interception

  // #region serving
  handleKvCall(route: Route, call: KvCall): Promise<string | undefined> {
    const fields: KvFields =
      call.method === 'set'
        ? { method: 'set', key: call.key, value: call.value }
        : { method: 'get', key: call.key };
    const { hintName } = this.host;
    if (route.mode === 'warn') {
      console.warn(
        `kv plugin: a real key-value call outside the sandbox, let through: ${formatKvCall(fields)}`,
      );
      return call.passThrough();
    }
    if (route.mode === 'post-sandbox')
      return this.refuse('post-sandbox', fields, postSandboxKvError(fields, hintName));
    if (route.mode === 'guarded') return this.refuse('guarded', fields, guardedKvError(fields, hintName));
    // Settings come untyped from the host; configure() has checked this one against its spec.
    const limit = Number(this.configured.kvMaxKeyLength);
    if (call.key.length > limit)
      return this.refuse('key-too-long', fields, keyTooLongError(fields, limit, hintName));
    const mock = this.mocks[call.method].shift();
    if (mock === undefined) return this.refuse('unmocked', fields, unmockedKvError(fields, hintName));
    if ('raises' in mock.spec) {
      this.host.recordInteraction(this, { ...fields, raised: mock.spec.raises });
      return Promise.reject(mock.spec.raises);
    }
    this.host.recordInteraction(this, fields);
    return Promise.resolve(call.method === 'get' ? mock.spec.returns : undefined);
  }
  // #endregion serving

  private refuse(kind: string, fields: KvFields, error: Error): Promise<never> {
    this.host.rememberViolation({
      kind,
      plugin: 'kv',
      method: fields.method,
      key: fields.key,
      message: error.message,
    });
    return Promise.reject(error);
  }
}

// #region kind
/** The plugin's kind: how a verifier enables it by itself (`enablePluginInEachTest`, `new StrictVerifier({ plugins })`). */
export const kvPluginKind: PluginKind<KeyValuePlugin> = {
  name: 'kv',
  settings: SETTINGS,
  create: (host) => new KeyValuePlugin(host),
};
// #endregion kind

function checkedMethod(method: unknown, action: string, hintName: string): KvMethod {
  if (method === 'get' || method === 'set') return method;
  const example =
    action === 'mockCall'
      ? "mockCall('get', { returns: 'Ada' })"
      : "assertCall({ method: 'get', key: 'user:1' })";
  throw new TripwireConfigError(
    `kv.${action}() takes the method 'get' or 'set', not ${describeValue(method)}: ${hintName}.kv.${example};`,
  );
}
