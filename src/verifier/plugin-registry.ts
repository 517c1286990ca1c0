import type { PluginFactory } from '../plugins/plugin';

const factories = new Map<string, PluginFactory>();

/** Makes a plugin kind available to every verifier: created on first use, activated by every sandbox. */
export function definePlugin(name: string, factory: PluginFactory): void {
  factories.set(name, factory);
}

export function pluginFactory(name: string): PluginFactory | undefined {
  return factories.get(name);
}

export function definedPluginNames(): Iterable<string> {
  return factories.keys();
}
