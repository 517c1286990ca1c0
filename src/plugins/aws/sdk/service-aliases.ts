import { loadedClientPackages, operationsOf } from './client-packages';
import { DOCUMENT_OPERATION_NAMES, DOCUMENT_SERVICE_KEY } from './naming';
import { type AliasKind, type ServiceIdentity, serviceIdentity } from './service-identity';

/** A loaded service that a name is another name of, what that name is to it, and its name of the operation. */
export interface AliasMatch {
  readonly identity: ServiceIdentity;
  readonly kinds: readonly AliasKind[];
  readonly operation: string;
}

/**
 * The loaded services that `key` (a `serviceKey` no loaded package has as its own) is another name of and that
 * have `operation`: `states` + `StartExecution` → sfn. Only packages offering the operation are asked for their
 * other names (worked out once per package copy), so a made-up name costs a Set lookup per loaded package.
 */
export function servicesAlsoNamed(key: string, operation: string): readonly AliasMatch[] {
  const matches: AliasMatch[] = [];
  for (const found of loadedClientPackages()) {
    const own = ownOperationName(
      operationsOf(found.exports),
      found.serviceKey === DOCUMENT_SERVICE_KEY,
      operation,
    );
    if (own === undefined) continue;
    const identity = serviceIdentity(found);
    const kinds = identity?.aliases.get(key);
    if (identity === undefined || kinds === undefined) continue;
    // Two copies of one package (nested installs) are one service.
    if (matches.some((match) => match.identity.serviceKey === identity.serviceKey)) continue;
    matches.push({ identity, kinds, operation: own });
  }
  return matches;
}

/** The operation as a service names it: as written, without `Command`, or the document client's name. */
function ownOperationName(
  operations: ReadonlySet<string>,
  document: boolean,
  operation: string,
): string | undefined {
  const stripped = operation.replace(/Command$/, '');
  const documentName = document ? DOCUMENT_OPERATION_NAMES[stripped] : undefined;
  return [operation, stripped, documentName].find((name) => name !== undefined && operations.has(name));
}
