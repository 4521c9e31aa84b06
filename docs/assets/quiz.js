// The quiz: turns each [data-quiz] block into one question at a time, with feedback and a score.
// The block holds every question as plain HTML (answers inside <details>) for readers without
// JavaScript and for print; this module hides that list and builds the quiz beside it.
// Material swaps the whole page on instant navigation, so each page view starts afresh.

import { labelsFrom } from "./labels.js";
import { read, watch, write } from "./storage.js";

const loads = new Map();

function load(url) {
  if (!loads.has(url)) {
    const request = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.json();
    });
    // A failed load is forgotten, so the next page view tries again.
    request.catch(() => loads.delete(url));
    loads.set(url, request);
  }
  return loads.get(url);
}

function h(tag, props, ...children) {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children.filter((child) => child != null && child !== false));
  return element;
}

function shuffle(list) {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

// The best score so far under key, after recording score if given; -1 when there is none. The
// saved score is read again just before saving, so a better score from another tab is kept.
function best(key, score = -1) {
  const top = Math.max(read(key, -1), score);
  if (score >= 0 && top === score) write(key, score);
  return top;
}

const button = (text, onclick) =>
  h("button", { type: "button", className: "md-button", textContent: text, onclick });

function quiz(root, data, dataUrl) {
  const cause = root.dataset.quizCause;
  const pool = data.questions.filter((q) => !cause || q.cause === cause);
  const app = h("div", { className: "quiz__app" });
  const keyOf = (scope) => `quiz-best:${data.version}:${scope}`;
  const say = labelsFrom(data.labels, "quiz");

  // Children left out by a condition (false, null, undefined) are not shown.
  function show(focus, ...children) {
    app.replaceChildren(...children.filter((child) => child != null && child !== false));
    if (focus) focus.focus();
  }

  function readMore(q) {
    const url = new URL(q.href, dataUrl);
    const here = url.pathname === location.pathname;
    const where = here ? "" : ` ${say("read_more_in")} ${q.page}`;
    const text = `${say("read_more")}${where}: ${q.section}`;
    return h("a", { href: here ? url.hash : url.href, textContent: text });
  }

  function choose(focus) {
    const scopes = [
      ["all", say("all_questions"), pool],
      ...data.categories.map((c) => [c.id, c.name, pool.filter((q) => q.category === c.id)]),
    ];
    const fieldset = h(
      "fieldset",
      { tabIndex: -1 },
      h("legend", { textContent: say("which_questions") }),
      ...scopes.map(([id, name, list], i) => {
        const top = best(keyOf(id));
        const note = top < 0 ? "" : `. ${say("best_score", { score: top, total: list.length })}`;
        return h(
          "label",
          { className: "quiz__choice" },
          h("input", { type: "radio", name: "scope", value: id, checked: !i }),
          ` ${say("questions", { name, count: list.length })}${note}`,
        );
      }),
    );
    const form = h("form", {
      onsubmit(event) {
        event.preventDefault();
        const [id, , list] = scopes.find(([id]) => id === form.elements.scope.value);
        round(list, id);
      },
    });
    form.append(
      fieldset,
      h("button", { className: "md-button md-button--primary", textContent: say("start") }),
    );
    show(focus && fieldset, form);
    // A score saved in another tab shows here at once; the reader's choice is kept.
    for (const [id] of scopes) {
      watch(keyOf(id), form, -1, () => {
        const chosen = form.elements.scope.value;
        choose(false);
        app.querySelector(`input[value="${chosen}"]`).checked = true;
      });
    }
  }

  // A round of questions; scope names where its best score is kept (none for a retry).
  function round(list, scope, focus = true) {
    ask({ list: shuffle(list), index: 0, right: 0, missed: [], scope }, focus);
  }

  function ask(state, focus = true) {
    const q = state.list[state.index];
    const multiple = q.kind === "multiple";
    const choices = q.kind === "true-false" ? q.choices : shuffle(q.choices);
    const type = multiple ? "checkbox" : "radio";
    const inputs = choices.map((value) => h("input", { type, name: "answer", value }));
    const labels = choices.map((c, i) => h("label", { className: "quiz__choice" }, inputs[i], c));
    const progress = h("p", { className: "quiz__progress" });
    const score = (done) => {
      const counted = state.index + done;
      const sofar = counted ? ` · ${say("right_so_far", { right: state.right, count: counted })}` : "";
      const number = { number: state.index + 1, total: state.list.length };
      progress.textContent = `${say("question_of", number)}${sofar}`;
    };
    const fieldset = h(
      "fieldset",
      { tabIndex: -1 },
      h("legend", { textContent: q.question }),
      multiple && h("p", { className: "quiz__hint", textContent: say("choose_all") }),
      ...labels,
    );
    const feedback = h("div", { className: "quiz__feedback", role: "status" });
    feedback.setAttribute("aria-live", "polite");
    const submit = h("button", { className: "md-button md-button--primary", textContent: say("check") });
    let checked = false;

    function check(event) {
      event.preventDefault();
      if (checked) return next(state);
      const picked = choices.filter((_, i) => inputs[i].checked);
      if (!picked.length) {
        feedback.textContent = say("choose_first");
        return;
      }
      checked = true;
      const right = picked.length === q.answers.length && picked.every((p) => q.answers.includes(p));
      if (right) state.right++;
      else state.missed.push(q);
      fieldset.disabled = true;
      labels.forEach((label, i) => {
        const correct = q.answers.includes(choices[i]);
        if (correct || inputs[i].checked) {
          const mark = say(correct ? "right_answer" : "your_answer");
          label.append(h("span", { className: `quiz__mark quiz__mark--${correct ? "right" : "wrong"}`, textContent: mark }));
        }
      });
      const answer = right ? "" : ` ${say("the_answer", { answers: q.answers.join(", ") })}`;
      feedback.replaceChildren(
        h("p", {}, h("strong", { textContent: say(right ? "right" : "not_quite") }), answer, ` ${q.explanation}`),
        h("p", {}, readMore(q)),
      );
      score(1);
      submit.textContent = say(state.index + 1 < state.list.length ? "next_question" : "see_results");
      submit.focus();
    }

    score(0);
    const form = h("form", { className: "quiz__question", onsubmit: check });
    form.append(progress, fieldset, feedback, submit);
    show(focus && fieldset, form);
  }

  function next(state) {
    state.index++;
    if (state.index < state.list.length) ask(state);
    else results(state);
  }

  function results(state) {
    const total = state.list.length;
    const heading = h(cause ? "h3" : "h2", {
      tabIndex: -1,
      textContent: say("you_got", { right: state.right, total }),
    });
    const top = state.scope && best(keyOf(state.scope), state.right);
    const missed = state.missed.map((q) => h("li", {}, `${q.question} `, readMore(q)));
    show(
      heading,
      heading,
      state.scope && h("p", { textContent: say("your_best", { score: top, total }) }),
      missed.length > 0 && h("p", { textContent: say("you_missed") }),
      missed.length > 0 && h("ul", { className: "quiz__missed" }, ...missed),
      h(
        "p",
        { className: "quiz__actions" },
        missed.length > 0 && button(say("retry_missed"), () => round(state.missed)),
        button(say("start_again"), () => (cause ? round(pool, cause) : choose(true))),
      ),
    );
  }

  root.querySelector(".quiz__static").hidden = true;
  root.append(app);
  if (cause) round(pool, cause, false);
  else choose(false);
}

function setUp(root) {
  if ("quizReady" in root.dataset) return;
  root.dataset.quizReady = "";
  const url = new URL(root.dataset.quiz, location.href).href;
  // If the questions cannot load, the plain list shows: every answer is still there.
  load(url).then(
    (data) => quiz(root, data, url),
    () => root.classList.add("quiz--fallback"),
  );
}

document$.subscribe(() => document.querySelectorAll("[data-quiz]").forEach(setUp));
