import { rmSync } from 'node:fs';
import { copyOfDist } from './copyOfDist.js';

// Runs first in the page script, the fallback chunk and the worker: `Date.now()` and
// `performance.now()` gain offsets that a test moves, in the page through a global and in the
// worker through a message that is answered on its port once applied. Time passing moves both; a
// wall-clock correction (`wallOnly`) moves `Date.now()` alone. Messages without the field are left
// to the library.
const prelude = (startMs: number) =>
  `(()=>{const g=globalThis;if(g.__swtiMoveClock)return;const real=Date.now.bind(Date);const realPerf=performance.now.bind(performance);let offset=${startMs};let passed=0;const move=(ms,wallOnly)=>{offset+=ms;if(!wallOnly)passed+=ms;return offset;};g.__swtiMoveClock=move;Date.now=()=>real()+offset;performance.now=()=>realPerf()+passed;if(typeof ServiceWorkerGlobalScope!=='undefined'&&g instanceof ServiceWorkerGlobalScope){g.addEventListener('message',(event)=>{const ms=event.data&&event.data.swtiMoveClock;if(typeof ms==='number'){move(ms,!!event.data.wallOnly);event.ports[0]&&event.ports[0].postMessage(offset);}});}})();\n`;

const built = new Map<number, string>();

/**
 * A copy of `dist/` whose page, fallback and worker read a clock that {@link moveClock} moves, so
 * expiry and renewal scenarios take no real time. Made once per test worker, removed on exit.
 *
 * @param startOffsetMs - where the clock starts: a device clock that is fast (positive) or slow
 * @returns the folder, to serve in place of `dist/`
 */
export function movableClockDist(startOffsetMs = 0): string {
  const existing = built.get(startOffsetMs);
  if (existing) return existing;
  const dir = copyOfDist('swti-clock-', (file, source) =>
    file.startsWith('sw-token-interceptor') ? prelude(startOffsetMs) + source : source,
  );
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  built.set(startOffsetMs, dir);
  return dir;
}
