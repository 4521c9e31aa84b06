// "Check your twitch": one question at a time, then the result. The words and rules come from
// the JSON the build writes; checker-rules.js applies them. What the page shows is a function of
// the answers alone: an address, a reload, Back or Forward can never show a result before the
// safety questions have been answered. Answers stay in this tab only (sessionStorage): they are
// never put in the address or sent anywhere.

import {
  addDays,
  answerForDate,
  chosenIds,
  emptyState,
  evaluate,
  hashOf,
  localToday,
  nextOpen,
  nextPlace,
  placeOf,
  resolve,
  seeAGpOn,
  shownAnswers,
  unanswered,
} from "./checker-rules.js";
import { labelsFrom } from "./labels.js";

const h = (tag, props = {}, ...children) => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children.filter((child) => child !== null && child !== false));
  return element;
};

// "17 December 2026" for a calendar date, whatever the reader's time zone.
const longDate = (iso) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(`${iso}T00:00:00Z`));

// Storage can be switched off or full: the check still works in this page.
const storage = {
  read(key) {
    try {
      return JSON.parse(sessionStorage.getItem(key));
    } catch {
      return null;
    }
  },
  write(key, value) {
    try {
      sessionStorage.setItem(key, JSON.stringify(value));
    } catch {}
  },
  remove(key) {
    try {
      sessionStorage.removeItem(key);
    } catch {}
  },
};

function start(root) {
  // The theme can report the same page twice: start each checker once.
  if ("checkerReady" in root.dataset) return;
  root.dataset.checkerReady = "";
  const dataUrl = new URL(root.dataset.checker, location.href);
  fetch(dataUrl)
    .then((response) => response.json())
    .then((data) => run(root, data, dataUrl));
}

// A care card cloned from the page's <template>, which the same macro as every other care
// card drew: the tier's label and heading, `before` between them (the sign's own first call),
// and one item per line of `items`.
function careCard(template, tier, label, heading, before, items) {
  const card = template.content.querySelector(".care-card").cloneNode(true);
  card.classList.remove(...[...card.classList].filter((name) => name.startsWith("care-card--")));
  card.classList.add(`care-card--${tier}`);
  card.querySelector(".care-card__label").textContent = label;
  const title = card.querySelector(".care-card__heading");
  title.textContent = heading;
  title.before(...before);
  const list = card.querySelector("ul");
  const pattern = list.querySelector("li");
  list.replaceChildren(
    ...items.map((text) => {
      const item = pattern.cloneNode(true);
      // The reader's own answers, not entries of the catalogue: no sign key.
      item.querySelector(".care-card__sign").textContent = text;
      return item;
    }),
  );
  if (!items.length) list.remove();
  return { card, title, list };
}

function run(root, data, dataUrl) {
  const words = data.words;
  const say = labelsFrom(data.labels, "checker");
  const template = root.querySelector("template.checker__care-card");
  const key = `${__md_scope.pathname}.checker:${data.version}`;
  let state = { ...emptyState(), ...(storage.read(key) || {}) };
  const save = () => storage.write(key, state);
  const href = (path) => new URL(path, dataUrl).href;
  const live = h("p", { className: "checker__live", role: "status" });
  const screen = h("div", { className: "checker__screen" });
  root.replaceChildren(live, screen, template);
  root.hidden = false;
  for (const guide of document.querySelectorAll(".checker-guide")) guide.hidden = true;

  // One click is one step: the second click of a double-click lands on the new screen (a step,
  // a result, or the page around it) and must neither tick, press nor follow anything there.
  let shownAt = 0;
  const onClick = (event) => {
    if (!root.isConnected) return document.removeEventListener("click", onClick, true);
    if (event.detail > 1 && performance.now() - shownAt < 800) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  document.addEventListener("click", onClick, true);

  // Shows a screen and moves focus to its first line, scrolled clear of the fixed header.
  function show(content, focus) {
    screen.replaceChildren(content);
    shownAt = performance.now();
    focus.tabIndex = -1;
    focus.focus({ preventScroll: true });
    focus.scrollIntoView({ block: "start" });
  }

  // Goes to a place (a step's index or "result"), or to the first safety step not yet answered
  // when that comes first. The address shows where the reader is; push adds a history entry.
  function go(wanted, push) {
    const place = resolve(data, state, wanted);
    const hash = hashOf(place);
    if (push && location.hash !== hash) history.pushState(history.state, "", hash);
    else if (location.hash !== hash) history.replaceState(history.state, "", hash);
    state.place = place;
    save();
    if (place === "result") result();
    else step(place);
  }

  function step(number) {
    const current = data.steps[number];
    const heading = h("h2", { textContent: current.title });
    const fields = h("fieldset", {}, h("legend", { className: "checker__legend", textContent: current.title }));
    if (number === 0) fields.append(h("p", { className: "checker__hint", textContent: data.privacy }));
    if (current.hint) fields.append(h("p", { className: "checker__hint", textContent: current.hint }));
    const given = new Set(state.answers[current.id] || []);
    const inputs = [];
    for (const answer of shownAnswers(data, current, state)) {
      const input = h("input", {
        type: current.one ? "radio" : "checkbox",
        name: current.id,
        value: answer.id,
        id: `checker-${answer.id}`,
        checked: given.has(answer.id),
      });
      inputs.push(input);
      fields.append(h("div", {}, input, " ", h("label", { htmlFor: input.id, textContent: answer.label })));
    }
    let nothing = null;
    if (current.none) {
      nothing = h("input", { type: "checkbox", id: `checker-none-${current.id}`, checked: state.none.includes(current.id) });
      nothing.addEventListener("change", () => {
        if (nothing.checked) for (const input of inputs) input.checked = false;
      });
      for (const input of inputs) {
        input.addEventListener("change", () => input.checked && (nothing.checked = false));
      }
      fields.append(h("div", {}, nothing, " ", h("label", { htmlFor: nothing.id, textContent: current.none })));
    }
    const problem = h("p", { className: "checker__problem", hidden: true });
    let date = null;
    if (current.since_date) {
      date = h("input", { type: "date", id: "checker-date", value: state.started, max: localToday() });
      date.addEventListener("change", () => {
        const answer = date.value && answerForDate(current, date.value, localToday());
        problem.hidden = answer !== null;
        problem.textContent = answer === null ? words.date_in_future : "";
        if (answer) inputs.forEach((i) => (i.checked = i.value === answer.id));
      });
      // An answer chosen by hand replaces the date, so the two never disagree.
      for (const input of inputs) input.addEventListener("change", () => (date.value = ""));
      fields.append(h("p", {}, h("label", { htmlFor: date.id, textContent: `${words.or_date} ` }), date));
    }
    if (current.guide) {
      fields.append(h("p", {}, h("a", { href: href(current.guide.href), target: "_blank", textContent: current.guide.title })));
    }
    fields.append(problem);
    const back = number > 0 && h("button", { type: "button", className: "md-button", textContent: words.back });
    if (back) back.addEventListener("click", () => history.back());
    const skip = !current.required && h("button", { type: "button", className: "md-button", textContent: words.skip });
    const next = h("button", { type: "submit", className: "md-button md-button--primary", textContent: words.next });
    const form = h("form", { className: "checker__step" }, heading, fields, h("p", { className: "checker__buttons" }, back, " ", skip, " ", next));
    const leave = (commit) => {
      if (next.disabled) return;
      next.disabled = true;
      commit();
      save();
      go(nextPlace(data, state, number), true);
    };
    if (skip) {
      skip.addEventListener("click", () =>
        leave(() => {
          delete state.answers[current.id];
          state.none = state.none.filter((id) => id !== current.id);
          state.skipped = [...new Set([...state.skipped, current.id])];
        }),
      );
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const ids = inputs.filter((input) => input.checked).map((input) => input.value);
      const none = nothing?.checked;
      if (date && date.value && answerForDate(current, date.value, localToday()) === null) {
        date.focus();
        return;
      }
      if (current.required && !ids.length && !none) {
        // A safety question must be answered, even if only with "None of these".
        problem.textContent = words.choose_one;
        problem.hidden = false;
        live.textContent = words.choose_one;
        (inputs[0] || nothing).focus();
        return;
      }
      leave(() => {
        if (ids.length) state.answers[current.id] = ids;
        else delete state.answers[current.id];
        state.none = state.none.filter((id) => id !== current.id);
        if (none) state.none.push(current.id);
        // A step left with nothing chosen is skipped, not answered.
        state.skipped = state.skipped.filter((id) => id !== current.id);
        if (!ids.length && !none) state.skipped.push(current.id);
        if (date) state.started = date.value;
        // The signs on screen now: if a later answer (the age) shows more, this is asked again.
        state.shown = { ...state.shown, [current.id]: inputs.map((input) => input.value) };
      });
    });
    show(form, heading);
    live.textContent = say("step_of", { number: number + 1, total: data.steps.length });
  }

  function result() {
    const chosen = chosenIds(state);
    const found = evaluate(data, chosen);
    const tier = data.tiers[found.tier];
    // The action shown now covers these signs: carrying on will not stop again for them.
    state.acknowledged = [...new Set([...state.acknowledged, ...found.signs])];
    save();
    // A sign's own first call (the midwife, a crisis line) comes before the tier's.
    const routes = found.routes.map((route) => h("p", { className: "checker__route" }, h("strong", { textContent: route })));
    const { card, title: heading, list } = careCard(template, found.tier, tier.label, tier.heading, routes, found.reasons);
    if (found.reasons.length) list.before(h("p", { textContent: words.because }));
    if (found.reassure) card.append(h("p", { textContent: tier.reassurance }));
    if (found.tier === "self_care" && state.started) {
      card.append(gpDate(tier));
    }
    for (const note of data.notes) {
      if (chosen.has(note.when)) card.append(h("p", { className: "checker__note", textContent: note.text }));
    }
    const parts = [card];
    const left = unanswered(data, state);
    const index = nextOpen(data, state);
    if (index !== null) {
      const carry = h("button", { type: "button", className: "md-button", textContent: words.carry_on });
      carry.addEventListener("click", () => go(index, true));
      parts.push(h("p", {}, carry));
    }
    if (left.length) {
      parts.push(h("p", { textContent: words.skipped }), h("ul", { className: "checker__skipped" }, ...left.map((s) => h("li", { textContent: s.title }))));
    }
    if (found.causes.length) {
      parts.push(h("h2", { textContent: words.pages }), h("p", { textContent: data.not_a_diagnosis }));
      const list = h("ol", { className: "checker__causes" });
      for (const cause of found.causes) {
        list.append(
          h(
            "li",
            {},
            h("a", { href: href(cause.href), textContent: cause.title }),
            ` ${say("you_said", { answers: cause.why.join("; ") })} `,
            cause.note ? h("span", { className: "checker__note", textContent: `${cause.note} ` }) : null,
            h("a", { href: href(cause.checklist), textContent: words.checklist }),
          ),
        );
      }
      parts.push(list);
      // The causes go in the address's #fragment, which never reaches a server.
      const plan = new URL(href(data.plan));
      plan.hash = new URLSearchParams({ for: found.causes.map((cause) => cause.id).join(" ") }).toString();
      parts.push(h("p", {}, h("a", { href: plan.href, className: "md-button", textContent: words.plan })));
    } else if (found.tier !== data.order[0]) {
      parts.push(h("p", { textContent: data.not_a_diagnosis }));
    }
    const print = h("button", { type: "button", className: "md-button", textContent: words.print });
    print.addEventListener("click", () => window.print());
    const again = h("button", { type: "button", className: "md-button", textContent: words.start_again });
    again.addEventListener("click", () => {
      state = emptyState();
      storage.remove(key);
      go(0, true);
    });
    parts.push(h("p", {}, print, " ", again), summary(found, left));
    show(h("div", { className: "checker__result" }, ...parts), routes[0] || heading);
    live.textContent = `${say("result")} ${tier.label}. ${found.routes.join(" ")} ${tier.heading}`;
  }

  // The date to see a GP if it is still there, and a reminder made on this device.
  function gpDate(tier) {
    const day = seeAGpOn(state.started);
    const text = tier.see_a_gp_on.replace("{date}", longDate(day));
    // Text in a calendar file escapes its commas, semicolons and backslashes.
    const icsText = text.replace(/[,;\\]/g, (c) => `\\${c}`);
    const stamp = `${new Date().toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;
    const ics = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      `PRODID:-//${data.title}//EN`,
      "BEGIN:VEVENT",
      `UID:${day}-${Math.random().toString(36).slice(2)}@${location.hostname || "localhost"}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${day.replace(/-/g, "")}`,
      `DTEND;VALUE=DATE:${addDays(day, 1).replace(/-/g, "")}`,
      `SUMMARY:${icsText}`,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "TRIGGER:PT9H",
      `DESCRIPTION:${icsText}`,
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ].join("\r\n");
    // Made on this device: the file is never fetched from or sent to anywhere.
    const link = h("a", {
      className: "checker__reminder",
      textContent: tier.reminder,
      download: "see-a-gp.ics",
      href: URL.createObjectURL(new Blob([ics], { type: "text/calendar" })),
    });
    return h("p", { className: "checker__gp-date" }, h("strong", { textContent: text }), " ", link);
  }

  // The one-page summary for a GP: printed instead of the page.
  function summary(found, left) {
    const tier = data.tiers[found.tier];
    const block = h("div", { className: "checker__summary" }, h("h2", { textContent: words.summary }));
    block.append(h("p", { textContent: `${words.date} ${longDate(localToday())}` }));
    block.append(h("p", { textContent: `${tier.label}: ${[...found.routes, tier.heading].join(" ")}` }));
    if (found.reasons.length) block.append(h("p", { textContent: `${words.because} ${found.reasons.join("; ")}` }));
    if (state.started) block.append(h("p", { textContent: `${words.started_on} ${longDate(state.started)}` }));
    const answers = h("ul");
    for (const current of data.steps) {
      const given = current.answers.filter((a) => (state.answers[current.id] || []).includes(a.id)).map((a) => a.label);
      if (state.none.includes(current.id)) given.push(current.none);
      if (!given.length) given.push(words.not_answered);
      answers.append(h("li", { textContent: `${current.title} ${given.join("; ")}` }));
    }
    block.append(h("h3", { textContent: words.answers }), answers);
    if (found.causes.length) {
      block.append(h("h3", { textContent: words.pages }), h("p", { textContent: found.causes.map((c) => c.title).join("; ") }));
    }
    block.append(
      h("h3", { textContent: words.questions }),
      h("ul", {}, ...data.questions_to_ask.map((q) => h("li", { textContent: q }))),
      h("p", { textContent: data.not_a_diagnosis }),
    );
    return block;
  }

  // Back and Forward move between places. After instant navigation away, the old page's
  // checker is gone from the document and stops listening.
  const onPopState = () => {
    if (!root.isConnected) return window.removeEventListener("popstate", onPopState);
    go(placeOf(data, location.hash), false);
  };
  window.addEventListener("popstate", onPopState);
  // A reload or a return within the tab carries on at the place in the address, a fresh visit
  // where the reader was (or at the first question).
  go(location.hash ? placeOf(data, location.hash) : (state.place ?? 0), false);
}

document$.subscribe(() => document.querySelectorAll("[data-checker]").forEach(start));
