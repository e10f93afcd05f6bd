// The JSON API with the bearer token. The token lives in sessionStorage (this tab only, gone when
// it closes), is sent only as the Authorization header of fetch(), never in a URL or a cookie.

const KEY = 'xe-migrate.token';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function headers() {
  return { Authorization: 'Bearer ' + token.get(), Accept: 'application/json' };
}

async function call(method, path) {
  const response = await fetch(path, {
    method, headers: headers(), cache: 'no-store', credentials: 'omit', redirect: 'error',
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (response.status === 401) {
    token.clear();
    window.dispatchEvent(new CustomEvent('xe-signed-out'));
  }
  if (!response.ok) {
    const error = (body && body.error) || {};
    throw new ApiError(response.status, error.code || 'HTTP_' + response.status,
      error.message || 'the daemon answered ' + response.status);
  }
  return body;
}

export const get = (path) => call('GET', path);
export const post = (path) => call('POST', path);
export const id = (value) => encodeURIComponent(value);
