import { basename, dirname, join, relative, sep } from 'node:path';

// Frames in the package's own source or build folder are ts-tripwire's. Both, because runners map the built
// files back to src/ through their source maps.
const PACKAGE_ROOT = packageRoot(__dirname);
const OWN_ROOTS = [join(PACKAGE_ROOT, 'src') + sep, join(PACKAGE_ROOT, 'dist') + sep];
const LOCATION = /\(?((?:file:\/\/)?[^()\s]+):(\d+):(\d+)\)?$/;

/** A function on the stack: frames from its call upwards (into the plugin) are left out. */
// biome-ignore lint/complexity/noBannedTypes: any function, as Error.captureStackTrace takes it
type StackBoundary = Function;

/**
 * Where the user's code called into ts-tripwire: captured now (cheap), formatted only when a message
 * needs it. Positions are those of the stack the runner shows (Jest maps them through source maps).
 * A plugin outside this package passes the public method the user called (`MyPlugin.prototype.mockCall`),
 * so that its own frames are left out too.
 */
export class CallSite {
  private readonly holder: { stack?: string } = {};
  private formatted: string | undefined;

  constructor(above?: StackBoundary) {
    Error.captureStackTrace(this.holder, above ?? CallSite);
  }

  /** The `file:line:column` of the user's call, or `<unknown location>`. */
  toString(): string {
    this.formatted ??= firstUserFrame(this.holder.stack ?? '') ?? '<unknown location>';
    return this.formatted;
  }
}

/** The first stack frame outside ts-tripwire, Node's internals and, if asked, installed packages. */
export function firstUserFrame(stack: string, skipPackages = false): string | undefined {
  for (const line of stack.split('\n').slice(1)) {
    const match = LOCATION.exec(line.trim());
    if (match === null) continue;
    const file = match[1]!.replace(/^file:\/\//, '');
    if (file.startsWith('node:') || OWN_ROOTS.some((root) => file.startsWith(root)) || !file.includes(sep))
      continue;
    if (skipPackages && file.includes(`${sep}node_modules${sep}`)) continue;
    return `${relative(process.cwd(), file) || file}:${match[2]}:${match[3]}`;
  }
  return undefined;
}

/**
 * Where the user's code is calling from now: the first frame outside ts-tripwire (and, by default,
 * installed packages), and above `above` when a plugin outside this package names its intercepting function.
 */
export function currentUserFrame(skipPackages = true, above?: StackBoundary): string | undefined {
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, above ?? currentUserFrame);
  return firstUserFrame(holder.stack ?? '', skipPackages);
}

/**
 * The parent of the nearest src/ or dist/ folder above this module: it runs from src/verifier/ (through
 * ts-jest) or, built, from the single bundle dist/core.js.
 */
function packageRoot(directory: string): string {
  const parent = dirname(directory);
  return parent === directory || ['src', 'dist'].includes(basename(directory)) ? parent : packageRoot(parent);
}
