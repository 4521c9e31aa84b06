"""The real data is valid, and broken data gives a writer one clear message per problem."""

from __future__ import annotations

import dataclasses
import signal
from pathlib import Path

import pytest
from causepages import DataError, load_site
from conftest import DATA, FIXTURE_DATA, data_problems


def test_real_data_loads() -> None:
    site = load_site(DATA)
    assert len(site.causes) >= 9
    for cause in site.causes.values():
        assert len(set(cause.sources)) >= 2, f"{cause.id} cites fewer than 2 sources"


def test_fixture_data_loads() -> None:
    assert list(load_site(FIXTURE_DATA).causes) == ["alpha", "beta"]


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text()
    assert old in text, f"fixture {name} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1))


BROKEN = {
    "yaml syntax error": (
        ("causes/alpha.yaml", "title: Alpha trigger", "title: [Alpha trigger"),
        "data/causes/alpha.yaml, line 3: is not valid YAML: did not find expected ',' or ']'",
    ),
    "missing required field": (
        ("causes/alpha.yaml", "summary: A common trigger.\n", ""),
        "data/causes/alpha.yaml, line 1: field 'summary': is required but missing",
    ),
    "unknown field": (
        ("causes/alpha.yaml", "how_common:", "how_comon:"),
        "data/causes/alpha.yaml, line 1: field 'how_common': is required but missing\n"
        "data/causes/alpha.yaml, line 7: field 'how_comon': is not a known field "
        "(did you mean 'how_common'?)",
    ),
    "misspelt field of the checker, with a hint from the checker's own fields": (
        ("checker.yaml", "questions_to_ask:", "questions_to_ak:"),
        "data/checker.yaml, line 1: field 'questions_to_ask': is required but missing\n"
        "data/checker.yaml, line 49: field 'questions_to_ak': is not a known field "
        "(did you mean 'questions_to_ask'?)",
    ),
    "misspelt field inside a list, with a hint from that item's model": (
        ("causes/alpha.yaml", "  listed_for: [busy]", "  listed_fr: [busy]"),
        "data/causes/alpha.yaml, line 44: field 'checker.listed_for': is required but missing\n"
        "data/causes/alpha.yaml, line 44: field 'checker.listed_fr': is not a known field "
        "(did you mean 'listed_for'?)",
    ),
    "wrong type": (
        ("causes/alpha.yaml", "self_care:\n  - Rest.", "self_care: Rest."),
        "data/causes/alpha.yaml, line 14: field 'self_care': "
        "expected a list (lines starting with '- '), got 'Rest.'",
    ),
    "unknown source key": (
        ("causes/alpha.yaml", "sources: [source-one,", "sources: [source-tree,"),
        "data/causes/alpha.yaml, line 40: field 'sources.0': "
        "'source-tree' is not in data/sources.yaml (did you mean 'source-two'?)",
    ),
    "duplicate id": (
        ("sources.yaml", "source-two:", "source-one:"),
        "data/sources.yaml, line 6: field 'source-one': "
        "'source-one' appears twice; each key must be unique",
    ),
    "id not matching its file name": (
        ("causes/alpha.yaml", "id: alpha", "id: alfa"),
        "data/causes/alpha.yaml, line 1: field 'id': "
        "is 'alfa' but must match the file name 'alpha'",
    ),
    "related cause that does not exist": (
        ("causes/alpha.yaml", "related: [beta]", "related: [gamma]"),
        "data/causes/alpha.yaml, line 25: field 'related.0': 'gamma' is not in data/causes/",
    ),
    "empty list where one is required": (
        ("causes/alpha.yaml", "prevention:\n  - Sleep well", "prevention: []"),
        "data/causes/alpha.yaml, line 16: field 'prevention': needs at least 1 item(s), got 0",
    ),
    "non-https source url": (
        ("sources.yaml", "https://example.org/one", "http://example.org/one"),
        "data/sources.yaml, line 4: field 'source-one.url': "
        "expected an https:// address, got 'http://example.org/one'",
    ),
}


# The warning-sign catalogue and the cautions: one clear message for each kind of mistake.
BROKEN_SIGNS = {
    "unknown sign": (
        ("causes/alpha.yaml", "  - two-weeks\n", "  - two-weks\n"),
        "data/causes/alpha.yaml, line 20: field 'warning_signs.0': "
        "'two-weks' is not in data/warning_signs.yaml (did you mean 'two-weeks'?)",
    ),
    "unknown caution": (
        ("causes/beta.yaml", "cautions: [kidneys]", "cautions: [kidney]"),
        "data/causes/beta.yaml, line 19: field 'prevention.0.cautions.0': "
        "'kidney' is not in data/cautions.yaml (did you mean 'kidneys'?)",
    ),
    "unknown reader group": (
        ("causes/beta.yaml", "reader_groups: [kidneys]", "reader_groups: [kidney]"),
        "data/causes/beta.yaml, line 21: field 'reader_groups.0': "
        "'kidney' is not in data/cautions.yaml (did you mean 'kidneys'?)",
    ),
    "sign with no source": (
        (
            "warning_signs.yaml",
            "    tier: urgent\n    sources: [source-two]\n",
            "    tier: urgent\n",
        ),
        "data/warning_signs.yaml, line 20: field 'signs.low-mood.sources': is required but missing",
    ),
    "sign whose tier is missing": (
        (
            "warning_signs.yaml",
            "    tier: see_a_gp\n    sources: [source-two]\n",
            "    sources: [source-two]\n",
        ),
        "data/warning_signs.yaml, line 30: field 'signs.weak.tier': is required but missing",
    ),
    "sign with a tier that does not exist": (
        (
            "warning_signs.yaml",
            "tier: see_a_gp\n    sources: [source-two]",
            "tier: soon\n    sources: [source-two]",
        ),
        "data/warning_signs.yaml, line 31: field 'signs.weak.tier': "
        "expected 'emergency', 'urgent' or 'see_a_gp', got 'soon'",
    ),
    "two signs in the same words": (
        ("warning_signs.yaml", "words: The muscle feels weak.", "words: You feel very LOW"),
        "data/warning_signs.yaml, line 30: field 'signs.weak.words': says the same as "
        "'low-mood'; write each sign once and point to it",
    ),
    "quiz answer that contradicts the sign's tier": (
        ("causes/beta.yaml", "    sign: long-cramp\n", "    sign: two-weeks\n"),
        "data/causes/beta.yaml, line 44: field 'quiz.2.answers': 'two-weeks' is a sign of the "
        "see_a_gp tier, so the right answer must be 'See a GP' as in data/warning_signs.yaml",
    ),
    "quiz question offering a tier's action with no sign named": (
        ("causes/beta.yaml", "    sign: long-cramp\n", ""),
        "data/causes/beta.yaml, line 41: field 'quiz.2': offers 'Get help today' as a choice: "
        "name the warning sign the question is about with `sign:`, so its answer is checked "
        "against that sign's tier",
    ),
    "route naming an unknown help line": (
        ("warning_signs.yaml", "help_line: crisis,", "help_line: crises,"),
        "data/warning_signs.yaml, line 23: field 'signs.low-mood.route.help_line': "
        "'crises' is not in help_lines (did you mean 'crisis'?)",
    ),
    "route with no source for it": (
        ("warning_signs.yaml", "help_line: crisis, sources: [source-two]", "help_line: crisis"),
        "data/warning_signs.yaml, line 23: field 'signs.low-mood.route': has no sources: list "
        "the keys of the sources that say to call 'crisis' first",
    ),
    "sign citing an unknown source": (
        (
            "warning_signs.yaml",
            "sources: [source-two]\n    route",
            "sources: [source-3]\n    route",
        ),
        "data/warning_signs.yaml, line 22: field 'signs.low-mood.sources.0': "
        "'source-3' is not in data/sources.yaml (did you mean 'source-two'?)",
    ),
    "sign only for children on a page that does not cover children": (
        ("causes/alpha.yaml", "  - two-weeks\n", "  - two-weeks\n  - baby-unwell\n"),
        "data/causes/alpha.yaml, line 21: field 'warning_signs.1': 'baby-unwell' is a sign "
        "only for children, but this page does not cover children: add `covers: [children]` if "
        "it speaks to them, or choose another sign",
    ),
    "clinical review dated in the future": (
        (
            "warning_signs.yaml",
            "    short_card: true\n    in_every_plan: true\n",
            "    short_card: true\n    in_every_plan: true\n"
            "    clinical_review: {by: A. Reviewer, role: GP, date: 2999-01-01}\n",
        ),
        "data/warning_signs.yaml, line 14: field 'signs.cannot-breathe.clinical_review': "
        "date 2999-01-01 is in the future: record a review once it has happened",
    ),
    "clinical review with no role": (
        (
            "causes/alpha.yaml",
            "last_checked:",
            "clinical_review: {by: A. Reviewer, date: 2026-01-05}\nlast_checked:",
        ),
        "data/causes/alpha.yaml, line 41: field 'clinical_review.role': is required but missing",
    ),
}
BROKEN.update(BROKEN_SIGNS)

# "Check your twitch": its questions, and the causes that point at its answers.
BROKEN.update(
    {
        "checker answer id used twice": (
            ("checker.yaml", "      - id: weak\n", "      - id: busy\n"),
            "data/checker.yaml, line 33: field 'steps.3.answers.1.id': "
            "the answer id 'busy' is used twice",
        ),
        "checker step id used twice": (
            ("checker.yaml", "  - id: where\n", "  - id: emergency\n"),
            "data/checker.yaml, line 20: field 'steps.2.id': 'emergency' is used twice",
        ),
        "checker answer naming an unknown sign": (
            ("checker.yaml", "        sign: weak\n", "        sign: weakk\n"),
            "data/checker.yaml, line 36: field 'steps.3.answers.1.sign': "
            "'weakk' is not in data/warning_signs.yaml (did you mean 'weak'?)",
        ),
        "checker step with no answers": (
            ("checker.yaml", "    body_areas: true\n", ""),
            "data/checker.yaml, line 20: field 'steps.2': "
            "a step needs answers, or signs: or body_areas: true",
        ),
        "sign raised by an answer no question defines": (
            (
                "warning_signs.yaml",
                "    in_every_plan: true\n  long-cramp:",
                "    in_every_plan: true\n    raised_by: [[busy, [weak, bussy]]]\n  long-cramp:",
            ),
            "data/warning_signs.yaml, line 14: field 'signs.cannot-breathe.raised_by.0.1.1': "
            "'bussy' is not in the answers of data/checker.yaml (did you mean 'busy'?)",
        ),
        "urgent sign a cause needs that no answer can reach": (
            (
                "checker.yaml",
                "  - id: urgent\n    title: Is this happening?\n    signs: urgent\n"
                "    none: None of these\n",
                "",
            ),
            "data/causes/alpha.yaml, line 21: field 'warning_signs.1': 'long-cramp' is an urgent "
            "sign, but no answer of data/checker.yaml can reach it: ask its tier in a step with "
            "`signs: urgent`, or declare the answers that raise it (`raised_by` in "
            "data/warning_signs.yaml)",
        ),
        "cause with no commonness in the checker": (
            ("causes/alpha.yaml", "  commonness: everyday\n", ""),
            "data/causes/alpha.yaml, line 44: field 'checker.commonness': is required but missing",
        ),
        "cause whose ages are not answers": (
            ("causes/alpha.yaml", "  ages: [adult]", "  ages: [adults]"),
            "data/causes/alpha.yaml, line 46: field 'checker.ages.0': "
            "'adults' is not in the answers of data/checker.yaml (did you mean 'adult'?)",
        ),
        "step of several answers with no 'None of these'": (
            (
                "checker.yaml",
                "    none: None of these\n    sources: [source-one]\n",
                "    sources: [source-one]\n",
            ),
            "data/checker.yaml, line 25: field 'steps.3': more than one answer can be chosen here, "
            "so give the 'None of these' answer (`none:`): a reader must be able to say nothing "
            "applies",
        ),
        "step with no sources for its rules": (
            ("checker.yaml", "    one: true\n    sources: [source-two]\n", "    one: true\n"),
            "data/checker.yaml, line 37: field 'steps.4': name the sources of this step's rules "
            "(`sources:`)",
        ),
        "cause pointing at an answer no question defines": (
            ("causes/alpha.yaml", "listed_for: [busy]", "listed_for: [bussy]"),
            "data/causes/alpha.yaml, line 44: field 'checker.listed_for.0': "
            "'bussy' is not in the answers of data/checker.yaml (did you mean 'busy'?)",
        ),
    }
)

# The list of words readers type, each finding one cause.
BROKEN.update(
    {
        "search term for a cause that does not exist": (
            ("search_terms.yaml", "nervous: alpha", "nervous: alfa"),
            "data/search_terms.yaml, line 1: field 'nervous': "
            "'alfa' is not in data/causes/ (did you mean 'alpha'?)",
        ),
        "search term mapped to two causes": (
            ("search_terms.yaml", "nervous: alpha", "nervous: alpha\nnervous: beta"),
            "data/search_terms.yaml, line 2: field 'nervous': "
            "'nervous' appears twice; each key must be unique",
        ),
        "search term that is another cause's keyword": (
            ("search_terms.yaml", "nervous: alpha", "tired: alpha"),
            "data/search_terms.yaml, line 1: field 'tired': "
            "is a keyword of beta, so it cannot also find alpha",
        ),
    }
)


@pytest.mark.parametrize("case", BROKEN)
def test_broken_data_gives_exact_message(case: str, fixture_data: Path) -> None:
    (name, old, new), message = BROKEN[case]
    edit(fixture_data, name, old, new)
    assert data_problems(fixture_data) == message.split("\n")


def test_every_problem_is_listed_at_once(fixture_data: Path) -> None:
    edit(fixture_data, "causes/alpha.yaml", "summary: A common trigger.\n", "")
    edit(fixture_data, "causes/beta.yaml", "category: serious", "category: seriuos")
    with pytest.raises(DataError) as caught:
        load_site(fixture_data)
    text = str(caught.value)
    assert text.startswith("The site data has 2 problems:\n")
    assert "field 'summary': is required but missing" in text
    assert "'seriuos' is not in data/categories.yaml (did you mean 'serious'?)" in text


def test_a_cause_file_saved_twice_is_a_duplicate_id(fixture_data: Path) -> None:
    causes = fixture_data / "causes"
    (causes / "alpha.yml").write_text((causes / "alpha.yaml").read_text())
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yml, line 1: duplicate id 'alpha': "
        "data/causes/alpha.yaml has the same id"
    ]


def test_too_many_signs_of_one_tier_for_one_care_card(fixture_data: Path) -> None:
    signs = "".join(
        f"  extra-{n}:\n    words: Sign {n}.\n    tier: see_a_gp\n    sources: [source-one]\n"
        for n in range(5)
    )
    edit(fixture_data, "warning_signs.yaml", "signs:\n", "signs:\n" + signs)
    extra = "".join(f"  - extra-{n}\n" for n in range(5))
    edit(fixture_data, "causes/alpha.yaml", "warning_signs:\n", "warning_signs:\n" + extra)
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 20: field 'warning_signs': "
        "lists 6 see_a_gp signs; at most 5 fit on one care card"
    ]


def test_quiz_answer_must_be_a_choice(fixture_data: Path) -> None:
    edit(fixture_data, "causes/alpha.yaml", "answers: [Rest]", "answers: [Sleep]")
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 34: field 'quiz.1': answer 'Sleep' is not one of the choices"
    ]


# What the YAML reader refuses, and the slips it explains, before any field is checked.
BROKEN_YAML = {
    "key that is a list": (
        ("causes/alpha.yaml", "id: alpha\n", "id: alpha\n? [a, b]\n: c\n"),
        "data/causes/alpha.yaml, line 2: a key must be a plain word, not a list or a set of fields",
    ),
    "anchor": (
        ("causes/alpha.yaml", "how_serious: Not", "how_serious: &serious Not"),
        "data/causes/alpha.yaml, line 8: field 'how_serious': "
        "anchors and aliases (& and *) are not allowed: write the text out in full",
    ),
    "alias": (
        ("causes/alpha.yaml", "  - myth: It is dangerous.", "  - myth: *danger"),
        "data/causes/alpha.yaml, line 23: field 'myths.0.myth': "
        "anchors and aliases (& and *) are not allowed: write the text out in full",
    ),
    "tag": (
        ("causes/alpha.yaml", "how_common: Very", "how_common: !!str Very"),
        "data/causes/alpha.yaml, line 7: field 'how_common': "
        "tags like !!str are not allowed: write plain text",
    ),
    "python object tag": (
        ("search_terms.yaml", "nervous: alpha", "nervous: !!python/object/apply:os.system [ls]"),
        "data/search_terms.yaml, line 1: field 'nervous': "
        "tags like !!str are not allowed: write plain text",
    ),
    "date that does not exist": (
        ("causes/alpha.yaml", "last_checked: 2026-01-01", "last_checked: 2026-02-30"),
        "data/causes/alpha.yaml, line 41: '2026-02-30' is not a real date",
    ),
    "colon inside unquoted text": (
        ("causes/alpha.yaml", "question: What helps?", "question: Iron: is it good?"),
        "data/causes/alpha.yaml, line 35: is not valid YAML: a colon and a space inside "
        "unquoted text: put the text in quotes (or fix the indent)",
    ),
    "tab used to indent": (
        ("causes/alpha.yaml", "  - Rest.\n", "\t- Rest.\n"),
        "data/causes/alpha.yaml, line 15: is not valid YAML: "
        "a tab character: use spaces, not tabs, to indent",
    ),
    "quote not closed": (
        ("causes/alpha.yaml", "title: Alpha trigger", "title: 'Alpha trigger"),
        "data/causes/alpha.yaml, line 2: is not valid YAML: a quote is not closed",
    ),
    "two documents in one file": (
        ("search_terms.yaml", "nervous: alpha", "nervous: alpha\n---\ntired: beta"),
        "data/search_terms.yaml, line 2: is not valid YAML: "
        "expected a single document in the stream but found another document",
    ),
}
BROKEN.update(BROKEN_YAML)


def test_alias_bomb_is_refused_at_once(fixture_data: Path) -> None:
    """Nine levels of nine aliases would expand to 9**9 items: refused at the first anchor,
    before anything is built (the alarm turns a hang into a failure)."""
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    (fixture_data / "search_terms.yaml").write_text("\n".join(levels) + "\n")
    signal.signal(signal.SIGALRM, signal.default_int_handler)
    signal.alarm(5)
    try:
        problems = data_problems(fixture_data)
    finally:
        signal.alarm(0)
    assert problems == [
        "data/search_terms.yaml, line 1: field 'a0': "
        "anchors and aliases (& and *) are not allowed: write the text out in full"
    ]


def test_file_that_is_not_utf8_names_the_line(fixture_data: Path) -> None:
    path = fixture_data / "causes/alpha.yaml"
    path.write_bytes(path.read_bytes().replace(b"The eyelid.", b"The \xe9yelid."))
    assert data_problems(fixture_data) == ["data/causes/alpha.yaml, line 10: is not UTF-8 text"]


def rewrite_bytes(data: Path, name: str, *, bom: bool = False, crlf: bool = False) -> None:
    path = data / name
    text = path.read_bytes()
    if crlf:
        text = text.replace(b"\n", b"\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text if bom else text)


@pytest.mark.parametrize("kind", ["bom", "crlf", "bom and crlf"])
def test_byte_order_mark_and_windows_line_ends_read_as_usual(kind: str, fixture_data: Path) -> None:
    for name in ["causes/alpha.yaml", "sources.yaml", "search_terms.yaml"]:
        rewrite_bytes(fixture_data, name, bom="bom" in kind, crlf="crlf" in kind)
    read, expected = load_site(fixture_data), load_site(FIXTURE_DATA)
    assert {n: f.data for n, f in read.files.items()} == {
        n: f.data for n, f in expected.files.items()
    }
    assert dataclasses.replace(read, files={}) == dataclasses.replace(expected, files={})


@pytest.mark.parametrize("kind", ["bom", "crlf"])
def test_later_problem_in_bom_or_crlf_file_names_the_right_line(
    kind: str, fixture_data: Path
) -> None:
    edit(fixture_data, "causes/alpha.yaml", "related: [beta]", "related: [gamma]")
    rewrite_bytes(fixture_data, "causes/alpha.yaml", bom=kind == "bom", crlf=kind == "crlf")
    assert data_problems(fixture_data) == [
        "data/causes/alpha.yaml, line 25: field 'related.0': 'gamma' is not in data/causes/"
    ]


def test_syntax_error_in_crlf_file_names_the_right_line(fixture_data: Path) -> None:
    edit(fixture_data, "causes/alpha.yaml", "question: What helps?", "question: Iron: good?")
    rewrite_bytes(fixture_data, "causes/alpha.yaml", crlf=True)
    assert data_problems(fixture_data)[0].startswith("data/causes/alpha.yaml, line 35: ")
