import type { SettingSpecs } from '../contract/plugin';
import { validateSettingProblem } from './messages/setup-errors';

/** The AWS plugin's setting: `configure({ validate: false })` turns service-model validation off. */
export const AWS_SETTINGS: SettingSpecs = {
  validate: {
    default: true,
    check: (value, described) => (typeof value === 'boolean' ? undefined : validateSettingProblem(described)),
    example: 'validate: false',
  },
};
