import { fieldNames } from '../../core/config/fieldNames.js';
import type { InstallFieldNames } from './validateInstallOptions.js';

// `appId` is written `data-app-id`, and so on.
const toAttribute = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The script tag's `data-*` attribute for each option: a public contract, never renamed. */
export const ATTRIBUTE_NAMES: InstallFieldNames = {
  ...fieldNames(toAttribute),
  swUrl: toAttribute('swUrl'),
  scope: toAttribute('scope'),
  registerWorker: toAttribute('registerWorker'),
};
