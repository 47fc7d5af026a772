/** A JSON call to the API from a page; the error's own message (it says what to fix) when it fails. */
export async function apiCall<T = unknown>(path: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok) throw new Error(json?.error?.message ?? `The request failed (${response.status}).`);
  return json as T;
}
