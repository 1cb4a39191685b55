// The console's only way to the service: the public admin API, with the token kept in this browser
// session only (sessionStorage), never in a cookie or on disk.
const KEY = 'shouwang.token';

export const session = {
  get token() {
    return sessionStorage.getItem(KEY);
  },
  signIn(token) {
    sessionStorage.setItem(KEY, token);
  },
  signOut() {
    sessionStorage.removeItem(KEY);
  },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
    this.body = body;
  }
}

/**
 * Calls /api/v1`path`. `body`: an object (sent as JSON) or a File/Blob (sent as is, with `type` or the
 * file's own type). `raw`: the Response itself when it is ok (files).
 */
export async function api(path, { method = 'GET', body, raw, type } = {}) {
  const headers = { authorization: `Bearer ${session.token ?? ''}` };
  let payload;
  if (body instanceof Blob || body instanceof ArrayBuffer) {
    payload = body;
    headers['content-type'] = type || body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  let res;
  try {
    res = await fetch(`/api/v1${path}`, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '连不上服务，请检查网络后重试' });
  }
  if (raw && res.ok) return res;
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { message: text.slice(0, 200) };
  }
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new Event('shouwang:signed-out'));
    throw new ApiError(res.status, json);
  }
  return json;
}

/** The file name a response names in Content-Disposition (RFC 5987 filename* first), else `fallback`. */
function filenameOf(res, fallback) {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // falls through
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain ? plain[1] : fallback;
}

/**
 * Saves a file the API returns (exports). A plain link would carry no token, so the file is fetched with
 * the bearer header and handed to the browser through a temporary blob URL.
 */
export async function download(path, fallbackName) {
  const res = await api(path, { raw: true });
  const name = filenameOf(res, fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
