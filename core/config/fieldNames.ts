import type { FieldNames } from './RawWorkerConfig.js';
import { RAW_FIELDS } from './RawWorkerConfig.js';

/**
 * Names every field the way its source spells it.
 *
 * @param spell - turns a field's key (`appId`) into its name at the source (`data-app-id`)
 * @returns the names, for error messages
 */
export function fieldNames(spell: (key: string) => string): FieldNames {
  return Object.fromEntries(RAW_FIELDS.map((key) => [key, spell(key)])) as unknown as FieldNames;
}

/** Fields named as option keys (`appId`), as in `install()` options and the worker URL. */
// Pure: a bundle that never names fields this way (the drop-in) drops the table.
export const OPTION_NAMES: FieldNames = /* @__PURE__ */ fieldNames((key) => key);
