// The service worker published with `extra.offline: remove` (or OFFLINE=remove): it deletes
// every copy this site stored on the reader's device, then takes itself away. A phone that
// had the site's offline copies gets it at its next online page load, since the browser looks
// for a new sw.js then. In: nothing. Out: an empty store and no service worker.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const scope = self.registration.scope;
      // Workbox's and our own stores end with the scope, so another copy of the site on the
      // same host (another path) keeps its own.
      for (const name of await caches.keys()) {
        if (name.endsWith(scope)) await caches.delete(name);
      }
      await self.registration.unregister();
    })(),
  );
});
