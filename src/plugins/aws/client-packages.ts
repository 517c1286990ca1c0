import { loadedModulesMatching } from './loaded-modules';
import { DOCUMENT_SERVICE_KEY, serviceKey } from './naming';

const CLIENT_PACKAGE_ENTRY = /[\\/]@aws-sdk[\\/](client-[a-z0-9-]+|lib-dynamodb)[\\/]dist-cjs[\\/]index\.js$/;

export interface ClientPackage {
  readonly serviceKey: string;
  readonly exports: Record<string, unknown>;
  readonly file: string;
}

/** The loaded `@aws-sdk/client-*` (and lib-dynamodb) packages; the library never loads one itself. */
function loadedClientPackages(): ClientPackage[] {
  return loadedModulesMatching(CLIENT_PACKAGE_ENTRY).map(([file, exports]) => {
    const packageName = CLIENT_PACKAGE_ENTRY.exec(file)![1]!;
    const key =
      packageName === 'lib-dynamodb' ? DOCUMENT_SERVICE_KEY : serviceKey(packageName.slice('client-'.length));
    return { serviceKey: key, exports, file };
  });
}

/** The loaded package for a service key, preferring the copy that exports `clientClass`. */
export function clientPackage(key: string, clientClass?: unknown): ClientPackage | undefined {
  const candidates = loadedClientPackages().filter((candidate) => candidate.serviceKey === key);
  return candidates.find((candidate) => exportsClass(candidate.exports, clientClass)) ?? candidates[0];
}

/** The exports of the loaded package for a service key, preferring the copy that exports `clientClass`. */
export function clientPackageExports(
  key: string,
  clientClass?: unknown,
): Record<string, unknown> | undefined {
  return clientPackage(key, clientClass)?.exports;
}

function exportsClass(exports: Record<string, unknown>, clientClass: unknown): boolean {
  if (typeof clientClass !== 'function') return false;
  for (let cls: unknown = clientClass; typeof cls === 'function'; cls = Object.getPrototypeOf(cls)) {
    if (Object.values(exports).includes(cls)) return true;
  }
  return false;
}

const operationsCache = new WeakMap<object, ReadonlySet<string>>();

/** The operations a loaded client package offers (its `*Command` exports), or `undefined` if not loaded. */
export function knownOperations(key: string): ReadonlySet<string> | undefined {
  const exports = clientPackageExports(key);
  if (exports === undefined) return undefined;
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
