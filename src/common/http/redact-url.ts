/** Query parameters whose values never reach a log line: tokens, passwords, signatures, CSRF tokens. */
const SECRET_PARAM = /csrf|token|password|passwd|secret|signature|jwt|api[-_]?key/i;

/**
 * The request URL as logged: path and query kept, the value of every secret-looking parameter replaced by
 * `[redacted]` (e.g. an old page that still posts `?_csrf=…`, or a client that puts `access_token` in the URL).
 */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawName = eq < 0 ? pair : pair.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // an undecodable name is matched as it came
      }
      return eq >= 0 && SECRET_PARAM.test(name) ? `${rawName}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
}
