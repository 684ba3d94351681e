/** A small HTTP client keeping cookies like a browser, for API calls and page forms. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(
    method: string,
    path: string,
    init: {
      json?: unknown;
      form?: Record<string, string>;
      headers?: Record<string, string>;
      body?: string;
    } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let body: string | undefined = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    this.keep(res);
    return res;
  }

  async api<T = Record<string, unknown>>(
    method: string,
    path: string,
    json?: unknown,
    headers?: Record<string, string>,
  ) {
    const res = await this.request(method, `/api/v1${path}`, {
      ...(json !== undefined ? { json } : {}),
      ...(headers ? { headers } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async page(path: string) {
    const res = await this.request('GET', path);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }

  /** Posts a form the way a browser without JavaScript would: CSRF token taken from a page first. */
  async submit(pagePath: string, action: string, fields: Record<string, string>) {
    const { html } = await this.page(pagePath);
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await this.request('POST', action, { form: { _csrf: token, ...fields } });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  }
}
