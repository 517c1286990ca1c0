import { types } from 'node:util';
import { shorten } from './guarded-read';
import { quote } from './quote';

/**
 * A short phrase for a value in an error message: `the string 'x'`, `number 5`, `the symbol Symbol(id)`,
 * `a Boolean object (new Boolean(true))`, `an instance of Token`, `the class Foo`. Never runs user code
 * that could throw (a Proxy, a getter on `constructor`).
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  switch (typeof value) {
    case 'string':
      return `the string ${quote(shorten(value))}`;
    case 'number':
    case 'boolean':
      return `${typeof value} ${String(value)}`;
    case 'bigint':
      return `the bigint ${value}n`;
    case 'symbol':
      return `the symbol ${symbolText(value)}`;
    case 'function':
      return describeFunction(value);
    default:
      return describeObject(value);
  }
}

export function symbolText(symbol: symbol): string {
  const { description } = symbol;
  return description === undefined ? 'Symbol()' : `Symbol(${quote(shorten(description))})`;
}

function describeFunction(fn: unknown): string {
  if (types.isProxy(fn)) return 'a Proxy of a function';
  const name = ownName(fn);
  if (isClass(fn)) return name ? `the class ${name}` : 'an anonymous class';
  return name ? `the function ${name}` : 'an anonymous function';
}

function describeObject(value: object): string {
  if (types.isProxy(value)) return 'a Proxy';
  if (Array.isArray(value)) return 'an array';
  const boxed = boxedSource(value);
  if (boxed !== undefined) return `a boxed primitive, ${boxed}`;
  const prototype = safely(() => Object.getPrototypeOf(value) as object | null, null);
  if (prototype === null || prototype === Object.prototype) return 'an object';
  if (types.isNativeError(value)) {
    const name = constructorNameOf(prototype) ?? 'Error';
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
  }
  const name = constructorNameOf(prototype);
  return name ? `an instance of ${name}` : 'an object';
}

/** `new Boolean(true)`, `new String('x')`, `Object(1n)`: how to write a boxed primitive, or undefined. */
export function boxedSource(value: object): string | undefined {
  if (!types.isBoxedPrimitive(value)) return undefined;
  if (types.isBooleanObject(value)) return `new Boolean(${Boolean.prototype.valueOf.call(value)})`;
  if (types.isNumberObject(value)) return `new Number(${Number.prototype.valueOf.call(value)})`;
  if (types.isStringObject(value))
    return `new String(${quote(shorten(String.prototype.valueOf.call(value)))})`;
  if (types.isBigIntObject(value)) return `Object(${BigInt.prototype.valueOf.call(value)}n)`;
  if (types.isSymbolObject(value)) return `Object(${symbolText(Symbol.prototype.valueOf.call(value))})`;
  return undefined;
}

/** The name of the class whose prototype this is, read without triggering getters. */
export function constructorNameOf(prototype: object): string | undefined {
  const ownClass = safely(() => Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value, undefined);
  return typeof ownClass === 'function' ? ownName(ownClass) : undefined;
}

function ownName(fn: unknown): string | undefined {
  const name = safely(() => Object.getOwnPropertyDescriptor(fn, 'name')?.value, undefined);
  return typeof name === 'string' && name !== '' ? shorten(name) : undefined;
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** A `class` declaration or expression, which cannot be called without `new`. */
export function isClass(value: unknown): boolean {
  return (
    typeof value === 'function' &&
    safely(() => /^class\b/.test(Function.prototype.toString.call(value)), false)
  );
}
