import { describe, expect, test } from '@jest/globals';
import type { Interaction, Plugin } from '../../src/plugins/contract/plugin';
import { Timeline } from '../../src/verifier/timeline';

// The timeline only stores plugins and asks them for assertion keys: two named stand-ins are enough.
const keyOf = (interaction: Interaction) => (interaction.fields as { key: string }).key;

function keyedPlugin(name: string): Plugin {
  return {
    name,
    assertionKey: (interaction: Interaction) => String(keyOf(interaction)),
  } as unknown as Plugin;
}

const described = (interaction: Interaction | undefined) =>
  interaction && [interaction.sequence, interaction.plugin.name, keyOf(interaction)];

describe('the timeline', () => {
  test('keeps each interaction with the plugin that recorded it, however plugins alternate', () => {
    const [http, aws] = [keyedPlugin('http'), keyedPlugin('aws')];
    const timeline = new Timeline();
    const recorders = [aws, aws, http, aws, http, http, aws];
    for (const [index, plugin] of recorders.entries()) timeline.append(plugin, { key: `k${index}` });

    expect(timeline.unasserted().map(described)).toEqual(
      recorders.map((plugin, index) => [index + 1, plugin.name, `k${index}`]),
    );
  });

  test('asserted interactions leave the timeline in any order, past the first thousand', () => {
    const plugin = keyedPlugin('aws');
    const timeline = new Timeline();
    for (let index = 0; index < 1500; index++) timeline.append(plugin, { key: `k${index % 3}` });

    const isK2 = (interaction: Interaction) => keyOf(interaction) === 'k2';
    expect(described(timeline.find(isK2))).toEqual([3, 'aws', 'k2']);
    expect(timeline.keyed('k2').positions.slice(0, 2)).toEqual([2, 5]);
    for (let sequence = 1500; sequence > 2; sequence--) {
      timeline.markAsserted({ sequence, plugin, fields: {} });
    }
    expect(timeline.unasserted().map(described)).toEqual([
      [1, 'aws', 'k0'],
      [2, 'aws', 'k1'],
    ]);
    expect(timeline.find(isK2)).toBeUndefined();
    const { positions, from } = timeline.keyed('k2');
    expect(from).toBe(positions.length);
    expect(timeline.firstUnassertedPosition()).toBe(0);
    timeline.markAsserted({ sequence: 1, plugin, fields: {} });
    timeline.append(plugin, { key: 'late' });
    timeline.markAsserted({ sequence: 1501, plugin, fields: {} });
    expect(timeline.unasserted().map(described)).toEqual([[2, 'aws', 'k1']]);
  });

  test('keyed positions start at the first unasserted one of that key; unknown keys have none', () => {
    const plugin = keyedPlugin('aws');
    const timeline = new Timeline();
    for (const key of ['a', 'b', 'a', 'a']) timeline.append(plugin, { key });
    expect(timeline.keyed('nope')).toEqual({ positions: [], from: 0 });
    timeline.markAssertedAt(0);
    expect(timeline.keyed('a')).toEqual({ positions: [0, 2, 3], from: 1 });
    timeline.markAssertedAt(3);
    expect(timeline.keyed('a').from).toBe(1);
    expect([timeline.length, timeline.firstUnassertedPosition()]).toEqual([4, 1]);
    expect([timeline.isAsserted(3), timeline.isAsserted(2), timeline.isAsserted(99)]).toEqual([
      true,
      false,
      false,
    ]);
    expect(described(timeline.at(2))).toEqual([3, 'aws', 'a']);
    timeline.append(plugin, { key: 'a' });
    expect(timeline.keyed('a').positions).toEqual([0, 2, 3, 4]);
  });
});
