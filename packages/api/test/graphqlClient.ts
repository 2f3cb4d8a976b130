/** What a GraphQL request came back with. */
export interface GraphQLResult<T = Record<string, unknown>> {
  readonly status: number;
  readonly data: T | null;
  readonly errors: readonly { message: string; extensions?: { code?: string; [key: string]: unknown } }[] | undefined;
  readonly extensions: Record<string, unknown> | undefined;
}

/**
 * A minimal browser-like GraphQL client: keeps cookies, and sends the CSRF token from the login answer with
 * every request, as Waymark's web app does. `bearer` switches it to an API token instead.
 */
export class GraphQLClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;
  private bearer: string | null = null;

  constructor(readonly baseUrl: string) {}

  useApiToken(token: string): this {
    this.bearer = token;
    return this;
  }

  /** Raw POST to /graphql with the given body, headers merged over the defaults. */
  async post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const requestHeaders: Record<string, string> = { "content-type": "application/json", ...headers };
    if (this.cookies.size > 0) requestHeaders.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (this.csrfToken && !("x-csrf-token" in headers)) requestHeaders["x-csrf-token"] = this.csrfToken;
    if (this.bearer) requestHeaders.authorization = `Bearer ${this.bearer}`;
    const response = await fetch(`${this.baseUrl}/graphql`, { method: "POST", headers: requestHeaders, body: JSON.stringify(body) });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(header)) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  async request<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
    const response = await this.post({ query, variables }, headers);
    const body = (await response.json()) as { data?: T; errors?: GraphQLResult["errors"]; extensions?: Record<string, unknown> };
    return { status: response.status, data: body.data ?? null, errors: body.errors, extensions: body.extensions };
  }

  /** Signs in; throws when refused so a test's setup fails loudly. */
  async login(email: string, password: string): Promise<this> {
    const result = await this.request<{ login: { csrfToken: string | null; userErrors: { code: string; message: string }[] } }>(
      `mutation Login($input: LoginInput!) { login(input: $input) { csrfToken userErrors { code message } } }`,
      { input: { email, password } },
    );
    const payload = result.data?.login;
    if (!payload?.csrfToken) throw new Error(`Sign-in refused for ${email}: ${JSON.stringify(result.errors ?? payload?.userErrors)}`);
    this.csrfToken = payload.csrfToken;
    return this;
  }

  /** Another tab of the same browser: the same cookies and CSRF token from here on, each tab keeping its own after. */
  anotherTab(): GraphQLClient {
    const tab = new GraphQLClient(this.baseUrl);
    for (const [name, value] of this.cookies) tab.cookies.set(name, value);
    tab.csrfToken = this.csrfToken;
    tab.bearer = this.bearer;
    return tab;
  }

  hasCookie(name: string): boolean {
    return this.cookies.has(name);
  }
}
