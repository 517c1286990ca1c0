import { describe, expect, test } from '@jest/globals';
import type { Interaction, Plugin } from '../../src/plugins/plugin';
import { Timeline } from '../../src/verifier/timeline';

// The timeline only stores plugins and asks them for assertion keys: two named stand-ins are enough.
function keyedPlugin(name: string): Plugin {
  return {
    name,
    assertionKey: (interaction: Interaction) => String(interaction.fields.key),
  } as unknown as Plugin;
}

const described = (interaction: Interaction | undefined) =>
  interaction && [interaction.sequence, interaction.plugin.name, interaction.fields.key];

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

    const isK2 = (interaction: Interaction) => interaction.fields.key === 'k2';
    const firstK2 = timeline.find(isK2, 'k2');
    expect(described(firstK2)).toEqual([3, 'aws', 'k2']);
    for (let sequence = 1500; sequence > 2; sequence--) {
      timeline.markAsserted({ sequence, plugin, fields: {} });
    }
    expect(timeline.unasserted().map(described)).toEqual([
      [1, 'aws', 'k0'],
      [2, 'aws', 'k1'],
    ]);
    expect(timeline.find(isK2, 'k2')).toBeUndefined();
    timeline.markAsserted({ sequence: 1, plugin, fields: {} });
    timeline.append(plugin, { key: 'late' });
    timeline.markAsserted({ sequence: 1501, plugin, fields: {} });
    expect(timeline.unasserted().map(described)).toEqual([[2, 'aws', 'k1']]);
  });
});
