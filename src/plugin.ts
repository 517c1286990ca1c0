/**
 * `ts-tripwire/plugin`: everything a third-party plugin needs to join a verifier's timeline, and nothing
 * of the verifier's internals. A plugin implements {@link Plugin}, registers itself on a verifier
 * (`host.registerPlugin(this)` in its constructor), records calls with `host.record`, routes each intercepted
 * call with {@link currentRoute}, and gets the same ordering, `inAnyOrder`, mismatch reports and
 * `verifyAll()` as the AWS plugin.
 *
 * @module ts-tripwire/plugin
 */
export { enablePluginInEachTest } from './current';
export * from './plugins/contract';
