// Every call to /api/admin carries the admin token as a Bearer header. The token lives in
// sessionStorage: it survives a reload of this tab and nothing else.

const TOKEN_KEY = 'starshop.adminToken';

/** A problem+json answer (or a network failure) in a form a view can show. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || null;
    this.title = problem.title || null;
  }
}

let onUnauthorized = () => {};

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Called when the engine refuses the stored token (it was changed, or the engine restarted with another). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function send(path, options = {}, bearer = token.get()) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${bearer}`, ...(options.headers || {}) };
  let response;
  try {
    response = await fetch(path, { ...options, headers });
  } catch (e) {
    throw new ApiProblem(0, { detail: 'The engine did not answer. Is it running?' });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    if (response.status === 401 && bearer === token.get()) onUnauthorized();
    throw new ApiProblem(response.status, problem);
  }
  return response;
}

export async function getJson(path) {
  return (await send(path)).json();
}

export async function postJson(path, body) {
  return sendJson('POST', path, body);
}

export async function putJson(path, body) {
  return sendJson('PUT', path, body);
}

export async function deleteJson(path) {
  await send(path, { method: 'DELETE' });
}

/** A multipart upload (the browser writes the boundary and the Content-Length). */
export async function postForm(path, formData) {
  return (await send(path, { method: 'POST', body: formData })).json();
}

async function sendJson(method, path, body) {
  const response = await send(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  return response.status === 204 ? null : response.json();
}

/** Checks a token before keeping it: true if the engine accepts it. */
export async function tokenAccepted(candidate) {
  try {
    await send('/api/admin/system', {}, candidate);
    return true;
  } catch (e) {
    if (e.status === 401) return false;
    throw e;
  }
}

/**
 * Downloads a file that needs the Bearer header (a plain link cannot send one): fetch it, then
 * hand the bytes to the browser through a Blob URL under the name the engine gave it.
 */
export async function download(path, fallbackName) {
  const response = await send(path, { headers: { Accept: '*/*' } });
  const name = fileName(response.headers.get('Content-Disposition')) || fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function fileName(disposition) {
  const match = /filename="?([^";]+)"?/i.exec(disposition || '');
  return match ? match[1] : null;
}

/** A query string from the non-empty fields of an object; arrays repeat the parameter. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of [].concat(value)) {
      if (item !== undefined && item !== null && item !== '' && item !== false) search.append(key, item);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
