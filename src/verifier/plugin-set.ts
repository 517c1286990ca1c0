import { TripwireConfigError } from '../errors';
import type { Plugin, PluginHost, PluginKind, SettingSpecs } from '../plugins/contract/plugin';

/**
 * A verifier's plugins: those registered on it (`new AwsPlugin(verifier)`), and the kinds it enables itself,
 * created when first needed. Only these are activated by its sandboxes: defining a plugin elsewhere switches
 * nothing on.
 */
export class PluginSet {
  private readonly plugins = new Map<string, Plugin>();

  constructor(
    private readonly host: PluginHost,
    private readonly kinds: readonly PluginKind[],
  ) {}

  /** The settings of every enabled kind and registered plugin. */
  settingSpecs(): SettingSpecs {
    const specs: Record<string, SettingSpecs[string]> = {};
    for (const source of [...this.kinds, ...this.plugins.values()]) Object.assign(specs, source.settings);
    return specs;
  }

  register(plugin: Plugin): void {
    if (this.plugins.has(plugin.name)) {
      throw new TripwireConfigError(
        `This verifier already has its '${plugin.name}' plugin; a second one would never see a call. ` +
          `Use the existing one: ${this.host.hintName}.${plugin.name}`,
      );
    }
    this.plugins.set(plugin.name, plugin);
  }

  /** The plugin of that kind: registered, or created now from an enabled kind; `undefined` otherwise. */
  get(name: string): Plugin | undefined {
    const existing = this.plugins.get(name);
    if (existing !== undefined) return existing;
    const kind = this.kinds.find((candidate) => candidate.name === name);
    if (kind === undefined) return undefined;
    const plugin = kind.create(this.host);
    // A plugin's constructor registers it; one that does not is registered here.
    if (!this.plugins.has(name)) this.register(plugin);
    return plugin;
  }

  /** The plugins that exist now. */
  existing(): Plugin[] {
    return [...this.plugins.values()];
  }

  /** Activates every plugin the verifier has or enables; on a failure part-way, undoes what it did. */
  activateAll(): Plugin[] {
    const activated: Plugin[] = [];
    try {
      for (const kind of this.kinds) this.get(kind.name);
      for (const plugin of this.plugins.values()) {
        plugin.activate();
        activated.push(plugin);
      }
    } catch (error) {
      deactivateAll(activated);
      throw error;
    }
    return activated;
  }
}

export function deactivateAll(plugins: readonly Plugin[]): void {
  for (const plugin of plugins) plugin.deactivate();
}
