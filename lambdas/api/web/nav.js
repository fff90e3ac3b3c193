// Navigation by hash, so every view is a link an officer can bookmark or send on.

export function href(path, query = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

/** Changes the hash from a view's form; the router then renders it. */
export function go(path, query = {}) {
  location.hash = href(path, query);
}

export const reportHref = (id) => href(`report/${encodeURIComponent(id)}`);
export const agencyHref = (agency) => href(`agency/${encodeURIComponent(agency)}`);
