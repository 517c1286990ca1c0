import { loadedModulesMatching } from '../interception/loaded-modules';
import { DOCUMENT_SERVICE_KEY, serviceKey } from './naming';

const CLIENT_PACKAGE_ENTRY = /[\\/]@aws-sdk[\\/](client-[a-z0-9-]+|lib-dynamodb)[\\/]dist-cjs[\\/]index\.js$/;

// Any package's CommonJS entry, for client packages installed under another name (npm aliases).
const ANY_PACKAGE_ENTRY = /[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+[\\/]dist-cjs[\\/]index\.js$/;

export interface ClientPackage {
  readonly serviceKey: string;
  readonly exports: Record<string, unknown>;
  readonly file: string;
  /** `client-sfn`, `lib-dynamodb`: the folder under `@aws-sdk/`; unknown for a copy in a folder of another name. */
  readonly packageName?: string;
}

/** A package loaded from its own folder under `@aws-sdk/`. */
export interface NamedClientPackage extends ClientPackage {
  readonly packageName: string;
}

let lastScan: { modules: readonly unknown[]; packages: readonly NamedClientPackage[] } | undefined;

/**
 * The loaded `@aws-sdk/client-*` (and lib-dynamodb) packages; the library never loads one itself. The same
 * array while the loaded modules are unchanged, so callers can cache what they derive from it.
 */
export function loadedClientPackages(): readonly NamedClientPackage[] {
  const modules = loadedModulesMatching(CLIENT_PACKAGE_ENTRY);
  if (lastScan?.modules === modules) return lastScan.packages;
  const packages = modules.map(([file, exports]) => {
    const packageName = CLIENT_PACKAGE_ENTRY.exec(file)![1]!;
    const key =
      packageName === 'lib-dynamodb' ? DOCUMENT_SERVICE_KEY : serviceKey(packageName.slice('client-'.length));
    return { serviceKey: key, exports, file, packageName };
  });
  lastScan = { modules, packages };
  return packages;
}

/**
 * The loaded package for a service key. Given the calling client's class, the copy that exports it (or one of
 * its base classes), wherever it is installed (an npm alias has another folder name): never another copy's.
 */
export function clientPackage(key: string, clientClass?: unknown): ClientPackage | undefined {
  const memoKey = typeof clientClass === 'function' ? clientClass : key;
  const remembered = found.get(memoKey);
  if (remembered !== undefined && isStillLoaded(remembered)) return remembered;
  const answer = findClientPackage(key, clientClass);
  if (answer !== undefined) found.set(memoKey, answer);
  return answer;
}

// Answers by service key or client class: `mockCall` and assertions ask on every call, and scanning every
// loaded module each time made a test's cost grow with the size of the project. Only found packages are
// kept, and each is checked to still be the loaded one before it is used again (a module-registry reset
// loads a new copy).
const found = new Map<unknown, ClientPackage>();

function isStillLoaded(candidate: ClientPackage): boolean {
  return require.cache[candidate.file]?.exports === candidate.exports;
}

function findClientPackage(key: string, clientClass: unknown): ClientPackage | undefined {
  const candidates = loadedClientPackages().filter((candidate) => candidate.serviceKey === key);
  if (typeof clientClass !== 'function') return candidates[0];
  const own = candidates.find((candidate) => exportsClass(candidate.exports, clientClass));
  if (own !== undefined) return own;
  const elsewhere = loadedModulesMatching(ANY_PACKAGE_ENTRY).find(([, exports]) =>
    exportsClass(exports, clientClass),
  );
  if (elsewhere !== undefined) return { serviceKey: key, exports: elsewhere[1], file: elsewhere[0] };
  // A client class no loaded package exports (a test double, a bundle): the package of its service, if any.
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The exports of the loaded package for a service key, preferring the copy that exports `clientClass`. */
export function clientPackageExports(
  key: string,
  clientClass?: unknown,
): Record<string, unknown> | undefined {
  return clientPackage(key, clientClass)?.exports;
}

/** Whether the exports hold the class or one of its bases below the SDK's base `Client` (which owns `send`). */
function exportsClass(exports: Record<string, unknown>, clientClass: unknown): boolean {
  if (typeof clientClass !== 'function') return false;
  for (
    let cls: unknown = clientClass;
    typeof cls === 'function' && !Object.hasOwn(cls.prototype ?? {}, 'send');
    cls = Object.getPrototypeOf(cls)
  ) {
    if (Object.values(exports).includes(cls)) return true;
  }
  return false;
}

const operationsCache = new WeakMap<object, ReadonlySet<string>>();

/** The operations a loaded client package offers (its `*Command` exports), or `undefined` if not loaded. */
export function knownOperations(key: string): ReadonlySet<string> | undefined {
  const exports = clientPackageExports(key);
  return exports === undefined ? undefined : operationsOf(exports);
}

/** The operations a client package's exports offer: its `*Command` classes without `Command`. */
export function operationsOf(exports: Record<string, unknown>): ReadonlySet<string> {
  let operations = operationsCache.get(exports);
  if (operations === undefined) {
    operations = new Set(
      Object.keys(exports)
        .filter(
          (name) =>
            name.endsWith('Command') &&
            !name.endsWith('ClientCommand') &&
            name !== '$Command' &&
            typeof exports[name] === 'function',
        )
        .map((name) => name.slice(0, -'Command'.length)),
    );
    operationsCache.set(exports, operations);
  }
  return operations;
}
