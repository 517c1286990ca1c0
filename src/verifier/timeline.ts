import type { Interaction, Plugin } from '../plugins/plugin';

/** Every interaction a verifier recorded, in call order, with a cursor past the asserted prefix. */
export class Timeline {
  private readonly interactions: Interaction[] = [];
  private firstUnasserted = 0;

  append(plugin: Plugin, fields: Record<string, unknown>): Interaction {
    const interaction: Interaction = {
      sequence: this.interactions.length + 1,
      plugin,
      fields,
      asserted: false,
    };
    this.interactions.push(interaction);
    return interaction;
  }

  /** The earliest interaction not yet asserted. */
  next(): Interaction | undefined {
    this.skipAsserted();
    return this.interactions[this.firstUnasserted];
  }

  find(predicate: (interaction: Interaction) => boolean): Interaction | undefined {
    this.skipAsserted();
    for (let index = this.firstUnasserted; index < this.interactions.length; index++) {
      const interaction = this.interactions[index]!;
      if (!interaction.asserted && predicate(interaction)) return interaction;
    }
    return undefined;
  }

  markAsserted(interaction: Interaction): void {
    interaction.asserted = true;
    this.skipAsserted();
  }

  unasserted(): Interaction[] {
    this.skipAsserted();
    return this.interactions.slice(this.firstUnasserted).filter((interaction) => !interaction.asserted);
  }

  private skipAsserted(): void {
    while (this.interactions[this.firstUnasserted]?.asserted) this.firstUnasserted++;
  }
}
