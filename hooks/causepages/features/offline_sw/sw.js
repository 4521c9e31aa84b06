// The service worker: keeps copies of the site on the reader's device, so pages they have
// opened (and the pages on when to get help) still open with no signal.
//
// In:  SETTINGS, written by the build (causepages/features/offline.py): a version, the Workbox
//      files to load, every file of the site as [address, hash, size, stored on first visit]
//      and the words of the offline notice.
// Out: answers to the site's requests, and messages to its pages ("plan", "progress", "saved",
//      "full") when the About page asks it to save the whole site.
//
// Fresh content first: online, every request goes to the network, as if there were no service
// worker, so a new version is never mixed with old files. Only when the network fails does a
// stored copy answer, and a stored page then says that it is a copy, and from when.
const SETTINGS = self.__OFFLINE_SETTINGS;

// Our own copies of Workbox's production builds, never a CDN: no request leaves this site.
importScripts(...SETTINGS.workbox);

const SCOPE = self.registration.scope;
const PAGES = `offline-pages-${SCOPE}`;
const FILES = new Map(SETTINGS.files.map(([url, hash, size, first]) => [new URL(url, SCOPE).href, { hash, size, first }]));
const FIRST = [...FILES].filter(([, file]) => file.first);

// 16 hex digits of the SHA-256 of a body: the hash the build lists for each file.
async function hashOf(body) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// A response as it is stored: with the time it was saved and the hash of its bytes.
async function stamped(response) {
  const body = await response.clone().arrayBuffer();
  const headers = new Headers(response.headers);
  headers.set("X-Saved-At", new Date().toISOString());
  headers.set("X-Hash", await hashOf(body));
  headers.delete("Content-Length");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

const addressOf = (request) => {
  const url = new URL(request.url);
  url.search = "";
  return url.href;
};

// Stores only whole, successful answers (no error pages, no parts of a PDF).
const storeWhole = {
  cacheWillUpdate: async ({ response }) => (response?.status === 200 ? stamped(response) : null),
};

// The first visit's files are stored as the build listed them, or not at all: if a file on the
// server no longer matches its hash (a publish half done), this version does not install, and
// the reader goes on with the last one (or with none) while online.
const storeAsListed = {
  cacheWillUpdate: async ({ request, response }) => {
    if (response?.status !== 200) return null;
    const copy = await stamped(response);
    const listed = FILES.get(addressOf(request));
    if (listed && copy.headers.get("X-Hash") !== listed.hash) {
      console.error(`Offline copy not updated: ${request.url} does not match this version.`);
      return null;
    }
    return copy;
  },
};

workbox.precaching.addPlugins([storeAsListed]);
workbox.precaching.precache(FIRST.map(([url, file]) => ({ url, revision: file.hash })));

// A stored page says so at the top, above its heading, in the words the build gave.
async function withNotice(stored) {
  const saved = new Date(stored.headers.get("X-Saved-At") || stored.headers.get("Date") || Date.now());
  const date = saved.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  const notice =
    `<div class="admonition warning offline-notice" role="status" data-offline-saved="${saved.toISOString()}">` +
    `<p>${SETTINGS.notice.replace("{date}", date)}</p></div>`;
  const html = await stored.text();
  const article = html.match(/<article class="md-content__inner[^"]*">/);
  const at = article ? article.index + article[0].length : html.search(/<body[^>]*>/);
  const headers = new Headers(stored.headers);
  headers.delete("Content-Length");
  return new Response(html.slice(0, at) + notice + html.slice(at), { status: 200, headers });
}

const notSaved = () =>
  new Response(
    `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
      `<title>Not saved</title><p>${SETTINGS.notSaved}</p><p><a href="${SCOPE}">Home page</a></p></html>`,
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );

const HASHED = /\.[0-9a-f]{8}\.min\.(js|css)$/;
const isPage = (response) => (response.headers.get("Content-Type") || "").startsWith("text/html");

// Network first for every request of this site. A file of the first visit falls back to the
// versioned store that install filled; any other is stored as it is read, and falls back to that.
class FreshFirst extends workbox.strategies.Strategy {
  async _handle(request, handler) {
    const firstVisit = FILES.get(addressOf(request))?.first;
    try {
      // Asked of the server each time (a cheap "not modified" when nothing changed), never
      // taken from the browser's own cache, which would show an old page with no notice.
      // The theme's files named by a hash of their content never change, so they may be.
      const fresh = HASHED.test(request.url) ? request : new Request(request, { cache: "no-cache" });
      const response = await handler.fetch(fresh);
      if (!firstVisit && response.ok) handler.waitUntil(handler.cachePut(request, response.clone()).catch(() => {}));
      return response;
    } catch (offline) {
      const stored = firstVisit
        ? await workbox.precaching.matchPrecache(addressOf(request))
        : await handler.cacheMatch(request);
      if (stored) return isPage(stored) ? withNotice(stored) : stored;
      if (request.mode === "navigate") return notSaved();
      throw offline;
    }
  }
}

const ours = ({ url, request }) =>
  request.method === "GET" && url.href.startsWith(SCOPE) && !url.pathname.includes("/assets/vendor/workbox-");
workbox.routing.registerRoute(
  ours,
  new FreshFirst({ cacheName: PAGES, plugins: [storeWhole], matchOptions: { ignoreSearch: true } }),
);

// Tells every open page of the site, so the About page can show a full device.
workbox.core.registerQuotaErrorCallback(async () => {
  for (const client of await self.clients.matchAll()) client.postMessage({ type: "full" });
});

// A new version takes over at once: online, every request goes to the network anyway, so the
// open pages need no reload (and there is no reload loop).
self.skipWaiting();
workbox.core.clientsClaim();

// Copies kept from an older version are brought up to date (or dropped, for files that are
// gone) at the first request after this version starts, so they match what is published.
let checkStored = false;
self.addEventListener("activate", () => {
  checkStored = true;
});
self.addEventListener("fetch", (event) => {
  if (!checkStored) return;
  checkStored = false;
  event.waitUntil(renew());
});

async function renew() {
  const cache = await caches.open(PAGES);
  for (const request of await cache.keys()) {
    const listed = FILES.get(addressOf(request));
    const stored = await cache.match(request);
    if (listed && stored.headers.get("X-Hash") === listed.hash) continue;
    await cache.delete(request);
    if (listed && !listed.first) await save(cache, addressOf(request)).catch(() => {});
  }
}

async function save(cache, url) {
  const response = await fetch(url, { cache: "no-cache" });
  const copy = await storeWhole.cacheWillUpdate({ response });
  if (!copy) throw new Error(`${url}: ${response.status}`);
  await cache.put(url, copy);
  return copy;
}

// What "Save the whole site" would still store: the files not yet stored in this version.
async function missing(cache) {
  const gone = [];
  for (const [url, file] of FILES) {
    if (file.first) continue;
    const stored = await cache.match(url);
    if (stored?.headers.get("X-Hash") !== file.hash) gone.push([url, file]);
  }
  return gone;
}

async function saveAll(client, cache, files) {
  let done = 0;
  const queue = [...files];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      await save(cache, next[0]);
      client.postMessage({ type: "progress", done: ++done, total: files.length });
    }
  };
  try {
    await Promise.all([worker(), worker(), worker(), worker()]);
    client.postMessage({ type: "saved", total: files.length });
  } catch (error) {
    client.postMessage({ type: error?.name === "QuotaExceededError" ? "full" : "failed", done });
  }
}

self.addEventListener("message", (event) => {
  const client = event.source;
  if (!client || !["plan", "save"].includes(event.data?.type)) return;
  const work = caches.open(PAGES).then(async (cache) => {
    const files = await missing(cache);
    if (event.data.type === "save") return saveAll(client, cache, files);
    const bytes = files.reduce((sum, [, file]) => sum + file.size, 0);
    client.postMessage({ type: "plan", count: files.length, bytes });
  });
  event.waitUntil(work);
});
