// "Check your twitch": one step at a time, then the result. The words and rules come from the
// JSON the build writes; checker-rules.js applies them. Answers stay in this tab only
// (sessionStorage): they are never put in the address or sent anywhere.

import { answerForDate, evaluate } from "./checker-rules.js";

const h = (tag, props = {}, ...children) => {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children.filter((child) => child !== null && child !== false));
  return element;
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

function run(root, data, dataUrl) {
  const key = `${__md_scope.pathname}.checker:${data.version}`;
  const saved = (() => {
    try {
      return JSON.parse(sessionStorage.getItem(key)) || {};
    } catch {
      return {};
    }
  })();
  const chosen = new Set(saved.chosen || []);
  // Steps answered with "none of these", so going back shows that answer again.
  const none = new Set(saved.none || []);
  let started = saved.started || "";
  // The result shows only after the questions, the emergency ones first, have been answered.
  let finished = Boolean(saved.finished);
  const save = (step) => {
    try {
      const state = { chosen: [...chosen], none: [...none], started, step, finished };
      sessionStorage.setItem(key, JSON.stringify(state));
    } catch {
      // Storage can be switched off: the check still works in this page.
    }
  };
  const href = (path) => new URL(path, dataUrl).href;
  const live = h("p", { className: "checker__live", role: "status" });
  const screen = h("div", { className: "checker__screen" });
  root.replaceChildren(live, screen);
  root.hidden = false;
  for (const guide of document.querySelectorAll(".checker-guide")) guide.hidden = true;

  function show(content, heading) {
    screen.replaceChildren(content);
    heading.tabIndex = -1;
    heading.focus();
  }

  function step(number, push = true) {
    const current = data.steps[number];
    if (push) history.pushState(history.state, "", `#step-${number + 1}`);
    save(number);
    const heading = h("h2", { textContent: current.title });
    const fields = h("fieldset", {}, h("legend", { textContent: current.title }));
    fields.querySelector("legend").className = "checker__legend";
    if (current.hint) fields.append(h("p", { className: "checker__hint", textContent: current.hint }));
    const inputs = [];
    for (const answer of current.answers) {
      const input = h("input", {
        type: current.one ? "radio" : "checkbox",
        name: current.id,
        value: answer.id,
        id: `checker-${answer.id}`,
        checked: chosen.has(answer.id),
      });
      inputs.push(input);
      fields.append(h("div", {}, input, " ", h("label", { htmlFor: input.id, textContent: answer.label })));
    }
    let nothing = null;
    if (current.none) {
      nothing = h("input", { type: "checkbox", id: `checker-none-${current.id}` });
      nothing.checked = none.has(current.id);
      nothing.addEventListener("change", () => {
        if (nothing.checked) for (const input of inputs) input.checked = false;
      });
      for (const input of inputs) {
        input.addEventListener("change", () => input.checked && (nothing.checked = false));
      }
      const label = h("label", { htmlFor: nothing.id, textContent: current.none });
      fields.append(h("div", {}, nothing, " ", label));
    }
    let date = null;
    if (current.since_date) {
      date = h("input", { type: "date", id: "checker-date", value: started, max: new Date().toISOString().slice(0, 10) });
      date.addEventListener("change", () => {
        const answer = date.value && answerForDate(current, new Date(date.value));
        if (answer) inputs.forEach((i) => (i.checked = i.value === answer.id));
      });
      fields.append(h("p", {}, h("label", { htmlFor: date.id, textContent: "Or the date it started: " }), date));
    }
    if (current.guide) {
      fields.append(h("p", {}, h("a", { href: href(current.guide.href), target: "_blank", textContent: current.guide.title })));
    }
    const back = number > 0 && h("button", { type: "button", className: "md-button", textContent: "Back" });
    if (back) back.addEventListener("click", () => history.back());
    const next = h("button", { type: "submit", className: "md-button md-button--primary", textContent: "Next" });
    const form = h("form", { className: "checker__step" }, heading, fields, h("p", {}, back, " ", next));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      for (const input of inputs) (input.checked ? chosen.add : chosen.delete).call(chosen, input.value);
      if (nothing) (nothing.checked ? none.add : none.delete).call(none, current.id);
      if (date) started = date.value;
      const result = evaluate(data, chosen);
      const last = number === data.steps.length - 1;
      if (result.tier === data.order[0] || last) finish(result);
      else step(number + 1);
    });
    show(form, heading);
    live.textContent = `Step ${number + 1} of ${data.steps.length}`;
  }

  function finish(result, push = true) {
    finished = true;
    if (push) history.pushState(history.state, "", "#result");
    save("result");
    const tier = data.tiers[result.tier];
    const heading = h("h2", { textContent: tier.heading });
    const card = h(
      "div",
      { className: `care-card care-card--${result.tier}` },
      h("p", { className: "care-card__label", textContent: tier.label }),
      heading,
    );
    if (result.reasons.length) {
      card.append(h("p", { textContent: "Because you said:" }));
      card.append(h("ul", {}, ...result.reasons.map((reason) => h("li", { textContent: reason }))));
    }
    if (result.reassure) card.append(h("p", { textContent: tier.reassurance }));
    const parts = [card];
    if (result.causes.length) {
      parts.push(h("h2", { textContent: "What may be behind it" }));
      parts.push(h("p", { textContent: data.not_a_diagnosis }));
      const list = h("ol", { className: "checker__causes" });
      for (const cause of result.causes) {
        list.append(
          h(
            "li",
            {},
            h("a", { href: href(cause.href), textContent: cause.title }),
            ` (you said ${cause.why.join("; ")}). `,
            cause.note ? h("span", { className: "checker__note", textContent: `${cause.note} ` }) : null,
            h("a", { href: href(cause.checklist), textContent: "Its checklist" }),
          ),
        );
      }
      parts.push(list);
      const plan = new URL(href(data.plan));
      plan.searchParams.set("for", result.causes.map((cause) => cause.id).join(" "));
      parts.push(h("p", {}, h("a", { href: plan.href, className: "md-button", textContent: "Build my plan" })));
    } else if (result.tier !== data.order[0]) {
      parts.push(h("p", { textContent: data.not_a_diagnosis }));
    }
    const print = h("button", { type: "button", className: "md-button", textContent: "Print a summary for your appointment" });
    print.addEventListener("click", () => window.print());
    const again = h("button", { type: "button", className: "md-button", textContent: "Start again" });
    again.addEventListener("click", () => {
      chosen.clear();
      none.clear();
      finished = false;
      started = "";
      sessionStorage.removeItem(key);
      step(0);
    });
    parts.push(h("p", {}, print, " ", again), summary(result));
    show(h("div", { className: "checker__result" }, ...parts), heading);
    live.textContent = `Result: ${tier.label}. ${tier.heading}`;
  }

  // The one-page summary for a GP: printed instead of the page.
  function summary(result) {
    const block = h("div", { className: "checker__summary" }, h("h2", { textContent: "For my appointment" }));
    block.append(h("p", { textContent: `${data.tiers[result.tier].label}: ${data.tiers[result.tier].heading}` }));
    if (started) block.append(h("p", { textContent: `It started on ${started}.` }));
    const answers = h("ul");
    for (const current of data.steps) {
      const given = current.answers.filter((a) => chosen.has(a.id)).map((a) => a.label);
      if (given.length) answers.append(h("li", { textContent: `${current.title} ${given.join("; ")}` }));
    }
    block.append(h("h3", { textContent: "My answers" }), answers);
    block.append(
      h("h3", { textContent: "Questions to ask" }),
      h("ul", {}, ...data.questions_to_ask.map((q) => h("li", { textContent: q }))),
    );
    return block;
  }

  // Back and Forward move between steps. After instant navigation away, the old page's checker
  // is gone from the document and stops listening.
  const onPopState = () => {
    if (!root.isConnected) return window.removeEventListener("popstate", onPopState);
    // The step is kept in the address's #fragment (the theme keeps its own history state);
    // answers never are.
    const at = location.hash.match(/^#step-(\d+)$/);
    if (location.hash === "#result" && finished) finish(evaluate(data, chosen), false);
    else if (at && Number(at[1]) <= data.steps.length) step(Number(at[1]) - 1, false);
  };
  window.addEventListener("popstate", onPopState);
  // A reload, a return within the tab, or the theme drawing the page again after Back or Forward
  // carries on at the step in the address, or else where the reader was.
  const inAddress = location.hash.match(/^#step-(\d+)$/);
  const known = (inAddress && Number(inAddress[1]) <= data.steps.length) ||
    (location.hash === "#result" && finished);
  if (!known) {
    const resume = finished ? "#result" : `#step-${(Number.isInteger(saved.step) ? saved.step : 0) + 1}`;
    history.replaceState(history.state, "", resume);
  }
  onPopState();
}

document$.subscribe(() => document.querySelectorAll("[data-checker]").forEach(start));
