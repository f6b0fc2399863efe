import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerValue } from '../http/headerValue.js';
import type { EmulatorCors } from './EmulatorCors.js';
import { MIRRORED_CORS } from './mirroredCors.js';

/** What an API always allows and exposes, whatever a test changes. */
export interface ApiCorsBasics {
  /** Methods, as `Access-Control-Allow-Methods` lists them. */
  methods: string;
  /** Request headers the API's own clients send, always allowed. */
  ownHeaders: readonly string[];
  /** Response headers a page may read (`Access-Control-Expose-Headers`); none when empty. */
  exposeHeaders: readonly string[];
}

/** An emulator's CORS answers, changeable while it runs. */
export interface CorsPolicy {
  /** The settings in force. */
  readonly current: Readonly<Required<EmulatorCors>>;
  /** Changes some settings. @throws TypeError for a malformed setting */
  set(next: EmulatorCors): void;
  /** Sets the CORS headers of an answer (preflight or not) on the response. */
  decorate(req: IncomingMessage, res: ServerResponse): void;
  /** Answers a preflight: 204 with methods, headers and max age. */
  answerPreflight(req: IncomingMessage, res: ServerResponse): void;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const ANSWER_HEADERS = [
  'Access-Control-Allow-Origin',
  'Access-Control-Allow-Credentials',
  'Access-Control-Expose-Headers',
];

function headerList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => TOKEN.test(name));
}

function checked(next: EmulatorCors): EmulatorCors {
  const { allowOrigins, allowHeaders, allowCredentials, maxAgeSeconds, omitOnUnauthorized } = next;
  const isList = (v: unknown) => Array.isArray(v) && v.every((item) => typeof item === 'string');
  if (allowOrigins !== undefined && allowOrigins !== 'echo' && allowOrigins !== '*') {
    if (!isList(allowOrigins)) throw new TypeError("allowOrigins must be 'echo', '*' or a list");
  }
  if (allowHeaders !== undefined && allowHeaders !== 'echo' && !isList(allowHeaders)) {
    throw new TypeError("allowHeaders must be 'echo' or a list of header names");
  }
  if (allowCredentials !== undefined && typeof allowCredentials !== 'boolean') {
    throw new TypeError('allowCredentials must be true or false');
  }
  if (omitOnUnauthorized !== undefined && typeof omitOnUnauthorized !== 'boolean') {
    throw new TypeError('omitOnUnauthorized must be true or false');
  }
  if (
    maxAgeSeconds !== undefined &&
    (typeof maxAgeSeconds !== 'number' || !Number.isInteger(maxAgeSeconds) || maxAgeSeconds < 0)
  ) {
    throw new TypeError('maxAgeSeconds must be a whole number, 0 or more');
  }
  return next;
}

/**
 * Creates the CORS policy both emulators answer with. The origin and the requested headers are
 * mirrored by default because that is what a credentialed API has to do: a browser refuses `*`
 * for a call that carries cookies.
 *
 * @param basics - what the API always allows and exposes
 * @param initial - the starting settings; by default the origin and headers are mirrored
 * @returns the policy
 * @throws TypeError for a malformed setting
 */
export function createCorsPolicy(
  basics: ApiCorsBasics,
  initial: Required<EmulatorCors> = MIRRORED_CORS,
): CorsPolicy {
  const current: Required<EmulatorCors> = { ...(checked(initial) as Required<EmulatorCors>) };

  function allowedOrigin(origin: string | undefined): string | undefined {
    if (current.allowOrigins === '*') return '*';
    // Mirroring "null" would let any sandboxed document read credentialed answers.
    if (origin === undefined || origin === 'null') return undefined;
    if (current.allowOrigins === 'echo' || current.allowOrigins.includes(origin)) return origin;
    return undefined;
  }

  function allowedHeaders(req: IncomingMessage): string {
    const own = basics.ownHeaders;
    const extra =
      current.allowHeaders === 'echo'
        ? headerList(headerValue(req, 'access-control-request-headers'))
        : current.allowHeaders;
    const known = new Set(own.map((name) => name.toLowerCase()));
    const added = extra.filter((name) => {
      const key = name.toLowerCase();
      if (known.has(key)) return false;
      known.add(key);
      return true;
    });
    return [...own, ...added].join(', ');
  }

  return {
    current,
    set(next) {
      Object.assign(
        current,
        Object.fromEntries(
          Object.entries(checked(next)).filter(([, value]) => value !== undefined),
        ),
      );
    },
    decorate(req, res) {
      const origin = allowedOrigin(headerValue(req, 'origin'));
      if (current.allowOrigins !== '*') res.setHeader('Vary', 'Origin');
      if (origin !== undefined) res.setHeader('Access-Control-Allow-Origin', origin);
      if (current.allowCredentials && origin !== '*') {
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
      if (basics.exposeHeaders.length > 0) {
        res.setHeader('Access-Control-Expose-Headers', basics.exposeHeaders.join(', '));
      }
      if (current.omitOnUnauthorized) {
        // Every route answers through writeHead, so this one place covers thrown and sent 401s.
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
        res.writeHead = ((status: number, ...rest: unknown[]) => {
          if (status === 401) for (const name of ANSWER_HEADERS) res.removeHeader(name);
          return writeHead(status, ...rest);
        }) as typeof res.writeHead;
      }
    },
    answerPreflight(req, res) {
      if (current.allowHeaders === 'echo') {
        res.setHeader(
          'Vary',
          [res.getHeader('Vary'), 'Access-Control-Request-Headers'].filter(Boolean).join(', '),
        );
      }
      res
        .writeHead(204, {
          'Access-Control-Allow-Methods': basics.methods,
          'Access-Control-Allow-Headers': allowedHeaders(req),
          'Access-Control-Max-Age': String(current.maxAgeSeconds),
        })
        .end();
    },
  };
}
