// Offline copies, on the page's side. site.js imports this once the page has loaded, so the
// first visit's load is not slowed by it.
//
// In:  <meta name="offline-copies"> (overrides/main.html): "save" registers the service worker
//      (sw.js at the site's root, written by the build); "remove" takes away any registration
//      and stored copies of this copy of the site. The About page's [data-offline-save] block,
//      with its words in data-* attributes.
// Out: the registration; on the About page, the "Save the whole site" button with the size
//      first and a count while it saves; a short message if the device is out of room.
// Blocked storage or a browser without service workers leaves the site as it is online.

const mode = document.querySelector('meta[name="offline-copies"]')?.content;
const scope = __md_scope.href;

function workers() {
  try {
    return "serviceWorker" in navigator && "caches" in window ? navigator.serviceWorker : null;
  } catch {
    return null; // Some browsers throw here when storage is blocked.
  }
}

async function remove(container) {
  for (const registration of await container.getRegistrations()) {
    if (registration.scope === scope) await registration.unregister();
  }
  for (const name of await caches.keys()) {
    if (name.endsWith(scope)) await caches.delete(name);
  }
}

const say = (template, values) =>
  template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? ""));
const megabytes = (bytes) => `${Math.max(0.1, bytes / 1e6).toFixed(1)} MB`;

// The About page's block, if the page shown has one (instant navigation swaps pages).
const block = () => document.querySelector("[data-offline-save]");

function show(message) {
  const here = block();
  if (here) {
    here.querySelector("[data-offline-status]").textContent = message;
    return;
  }
  // Elsewhere: the theme's own small dialog, as for "Copied to clipboard".
  const dialog = document.querySelector("[data-md-component=dialog]");
  if (!dialog) return;
  dialog.querySelector(".md-dialog__inner").textContent = message;
  dialog.classList.add("md-dialog--active");
  setTimeout(() => dialog.classList.remove("md-dialog--active"), 6000);
}

function answer(event) {
  const { type, count, bytes, done, total } = event.data ?? {};
  const here = block();
  const words = here?.dataset ?? {};
  const button = here?.querySelector("button");
  if (type === "full") {
    show(words.full ?? "This device has no room left to save pages. The site still works online.");
    if (button) button.disabled = false;
  } else if (!here) {
    return;
  } else if (type === "plan") {
    button.hidden = count === 0;
    show(count ? say(words.plan, { count, size: megabytes(bytes) }) : words.allSaved);
  } else if (type === "progress") {
    show(say(words.progress, { done, total }));
  } else if (type === "saved") {
    button.hidden = true;
    show(words.saved);
  } else if (type === "failed") {
    button.disabled = false;
    show(words.failed);
  }
}

async function offerSave(container, here) {
  const registration = await container.ready;
  here.hidden = false;
  const button = here.querySelector("button");
  button.onclick = () => {
    button.disabled = true;
    registration.active?.postMessage({ type: "save" });
  };
  registration.active?.postMessage({ type: "plan" });
}

async function start(container) {
  if (mode !== "save") return remove(container);
  container.addEventListener("message", answer);
  container.startMessages();
  await container.register(new URL("sw.js", __md_scope), { scope: __md_scope.pathname });
  document$.subscribe(() => {
    const here = block();
    if (here) offerSave(container, here).catch(() => {});
  });
}

const container = workers();
if (container) start(container).catch(() => {}); // Blocked or refused: the site works online.
