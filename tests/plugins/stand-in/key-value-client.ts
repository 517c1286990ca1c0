/**
 * The stand-in plugin's "production code": a key-value store client. The map stands in for the server it
 * would talk to, so a call that passes through the plugin visibly reaches it.
 */
export class KeyValueClient {
  private readonly server = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.server.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.server.set(key, value);
  }
}
