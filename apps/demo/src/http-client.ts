/** A tiny client for the demo: JSON over HTTP with a bearer token, failing loudly on anything unexpected. */
export class DemoClient {
  constructor(readonly base: string) {}

  async call(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
    expected = method === 'POST' ? 201 : 200,
  ) {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text ? (JSON.parse(text) as Record<string, any>) : {};
    if (response.status !== expected) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return json;
  }

  post = (path: string, token: string, body: unknown = {}, expected = 201) =>
    this.call('POST', path, token, body, expected);
  get = (path: string, token: string) => this.call('GET', path, token);
}
