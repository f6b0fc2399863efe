import type { RefusalKind } from './Provider.js';

/**
 * 401 bodies from which no provider's refusal reader can tell a cause (not JSON, or JSON that
 * names no error), as rows of a refusal reader's table test: label, kind, body. A test fixture.
 */
export const unreadableRefusals: [label: string, kind: RefusalKind, body: string][] = [
  ['an empty body', 'unknown', ''],
  ['an HTML page', 'unknown', '<html>401</html>'],
  ['JSON null', 'unknown', 'null'],
  ['a numeric error', 'unknown', '{"error":401}'],
];
