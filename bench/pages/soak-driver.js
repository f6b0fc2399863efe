// The soak's shopper (bench/soak.ts): cart calls from a page on a fixed schedule, each started at
// its time whatever happened to the ones before, as a storefront's own code fires them. Plain
// JavaScript added to every page of the run as an init script, so it runs unchanged in the page
// (the bench itself runs through tsx, whose helpers a page lacks) and always calls the page's
// current `fetch` and `XMLHttpRequest`, the ones the drop-in patched.

// Ten calls in turn: four GETs, three POSTs by fetch, two by XHR, one keepalive POST by fetch.
const SOAK_KINDS = ['get', 'post', 'get', 'xhr', 'get', 'post', 'keepalive', 'get', 'post', 'xhr'];

const soakWait = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** @returns what the answer's JSON body names as its error code, if anything */
function soakErrorCode(text) {
  try {
    const body = JSON.parse(text);
    return typeof body?.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

function soakXhr(url, headers, body) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
    xhr.onerror = () => reject(new TypeError('XHR network error'));
    xhr.send(body);
  });
}

async function soakFetch(url, init) {
  const response = await fetch(url, init);
  return { status: response.status, text: await response.text() };
}

/**
 * Makes `calls` calls spread evenly over `seconds`, then waits for the last answers for at most
 * `hungMs` and a second more.
 *
 * @param run - `{ id, calls, seconds, hungMs, getUrl, postUrl, headers }`: `id` prefixes each
 *   POST body's `soakId`; `headers` are attached to every call (the control's own token)
 * @returns one record per call: `{ id, kind, startedAt, ms, status, code, error }`, where `ms`
 *   and `status` stay `null` for a call still unanswered
 */
window.soakRun = async (run) => {
  const records = [];
  const answers = [];
  const spacing = (run.seconds * 1000) / run.calls;
  const start = Date.now();
  for (let i = 0; i < run.calls; i++) {
    await soakWait(start + (i + Math.random()) * spacing - Date.now());
    const kind = SOAK_KINDS[i % SOAK_KINDS.length];
    const record = {
      id: `${run.id}-${i}`,
      kind,
      startedAt: Date.now(),
      ms: null,
      status: null,
      code: null,
      error: null,
    };
    records.push(record);
    const body = JSON.stringify({ soakId: record.id });
    const postInit = {
      method: 'POST',
      headers: { ...run.headers, 'content-type': 'application/json' },
      body,
      keepalive: kind === 'keepalive',
    };
    const call =
      kind === 'get'
        ? soakFetch(run.getUrl, { headers: run.headers })
        : kind === 'xhr'
          ? soakXhr(run.postUrl, run.headers, body)
          : soakFetch(run.postUrl, postInit);
    answers.push(
      call.then(
        (answer) => {
          record.ms = Date.now() - record.startedAt;
          record.status = answer.status;
          record.code = answer.status >= 400 ? soakErrorCode(answer.text) : null;
        },
        (error) => {
          record.ms = Date.now() - record.startedAt;
          record.error = String(error);
        },
      ),
    );
  }
  await Promise.race([Promise.all(answers), soakWait(run.hungMs + 1000)]);
  return records;
};
