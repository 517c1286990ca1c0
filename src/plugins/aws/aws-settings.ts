import type { SettingSpecs } from '../contract/plugin';

/** The AWS plugin's setting: `configure({ validate: false })` turns service-model validation off. */
export const AWS_SETTINGS: SettingSpecs = {
  validate: {
    default: true,
    check: (value, described) =>
      typeof value === 'boolean' ? undefined : `takes true or false, not ${described}`,
    example: 'validate: false',
  },
};
