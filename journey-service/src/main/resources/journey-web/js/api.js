// The page's only door to journey-service: read-only GETs with the tenant's API key, the same
// `Authorization: Bearer <key>` that ingest accepts. The key lives in sessionStorage, so it goes when the tab does.

const KEY_STORAGE = 'apath.apiKey';
const TENANT_STORAGE = 'apath.tenant';

export class Unauthorized extends Error {}

/** The service answered 404 for a path the page would like: an endpoint this build does not have, or no such item. */
export class NotFound extends Error {
  constructor(path) {
    super(`${path} answered 404`);
    this.path = path;
  }
}

export const session = {
  get tenant() { return sessionStorage.getItem(TENANT_STORAGE); },
  get apiKey() { return sessionStorage.getItem(KEY_STORAGE); },
  get signedIn() { return Boolean(this.tenant && this.apiKey); },
  signIn(tenant, apiKey) {
    sessionStorage.setItem(TENANT_STORAGE, tenant);
    sessionStorage.setItem(KEY_STORAGE, apiKey);
  },
  signOut() {
    sessionStorage.removeItem(KEY_STORAGE);
    sessionStorage.removeItem(TENANT_STORAGE);
  },
};

async function get(path) {
  const response = await fetch(path, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${session.apiKey}` },
    cache: 'no-store',
    credentials: 'omit',
  });
  if (response.status === 401 || response.status === 403) throw new Unauthorized(`${path}: ${response.status}`);
  if (response.status === 404) throw new NotFound(path);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

const tenantQuery = () => `tenant=${encodeURIComponent(session.tenant)}`;

/** GET /v1/funnel: customers per stage, conversion, TRANSACTIONAL count, and the response SLA figures. */
export async function funnel() {
  return get(`/v1/funnel?${tenantQuery()}`);
}

/** Stage changes per day: [{date, advances, regressions}]. */
export async function movement(days) {
  return get(`/v1/funnel/movement?${tenantQuery()}&days=${days}`);
}

/** Customers of a list the dashboard shows: 'newest-advocates' or 'advocates-at-risk'. */
export async function people(list, limit) {
  return get(`/v1/customers?${tenantQuery()}&list=${encodeURIComponent(list)}&limit=${limit}`);
}

/** GET /v1/customers/{key}/journey: stage, style, counters and the history with its evidence. */
export async function journey(customerKey) {
  return get(`/v1/customers/${encodeURIComponent(customerKey)}/journey`);
}
