/** Unvalidated configuration, as read from `data-*` attributes, options or a URL. */
export interface RawWorkerConfig {
  provider?: string | null | undefined;
  appId?: string | null | undefined;
  siteId?: string | null | undefined;
  apiKey?: string | null | undefined;
  tokenVia?: string | null | undefined;
  storeOrigin?: string | null | undefined;
  apiOrigin?: string | null | undefined;
  /** Space-separated in `data-api-origins` and the worker URL, a list in options. */
  apiOrigins?: string | readonly string[] | null | undefined;
  renewMarginSeconds?: string | number | null | undefined;
  debug?: string | boolean | null | undefined;
}

/** How each field is called where it came from (`data-app-id`, `appId`, …), for error messages. */
export type FieldNames = Readonly<Record<keyof RawWorkerConfig, string>>;

/** Every field a configuration has: the field-name tables and the worker-URL decoder walk it. */
export const RAW_FIELDS: readonly (keyof RawWorkerConfig)[] = [
  'provider',
  'appId',
  'siteId',
  'apiKey',
  'tokenVia',
  'storeOrigin',
  'apiOrigin',
  'apiOrigins',
  'renewMarginSeconds',
  'debug',
];
