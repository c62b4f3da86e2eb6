"""Tests that every regular expression of claimtrack stays linear on hostile input.

Each pattern defined in a claimtrack module (at module level, inside module-level
containers, in the temporal tagger's rules, or written inline as a literal argument of a
``re`` function) is scanned with ``finditer`` -- which is ``search`` repeated -- over
adversarial strings built from its own literals and character classes, at n and at 4n
characters. A linear scan takes about four times as long on the longer string; a pattern
that backtracks catastrophically, or whose every attempt scans far ahead before failing,
takes about sixteen times as long or more.
"""

from __future__ import annotations

import ast
import collections
import gc
import importlib
import pathlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import claimtrack
from claimtrack.mentions._times_core import Rule

try:  # Python 3.11 and later
    from re import _constants as sre
    from re import _parser as sre_parse
except ImportError:  # Python 3.10; the old names warn from 3.11 on
    import sre_constants as sre  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

_PACKAGE = pathlib.Path(claimtrack.__file__).parent

# Patterns only ever matched at an offset the code chooses, never searched for: they need only
# match in linear time there.
_ANCHORED = {
    "mentions._references._NAMED_WITHIN": "matched where a match of _NAMED ends, by _named",
}
# Patterns known to be superlinear under search, each marked a strict xfail (none now).
_KNOWN_SUPERLINEAR: dict[str, str] = {}


def _modules() -> list[Any]:
    """Every module of the claimtrack package, imported."""
    names = [m.name for m in pkgutil.walk_packages(claimtrack.__path__, "claimtrack.")]
    return [claimtrack, *(importlib.import_module(name) for name in names)]


def _patterns_in(value: object, name: str, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The compiled patterns in a module-level value, each with a name that finds it."""
    if isinstance(value, re.Pattern):
        yield name, value
    elif isinstance(value, Rule):
        yield f"{name}:{value.name}", value.plain
        if value.folded is not None:
            yield f"{name}:{value.name}:folded", value.folded
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)
    elif depth < 3 and isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{index}]", depth + 1)


def _flags(node: ast.expr | None) -> int | None:
    """The value of a flags argument written as ``re.X | re.Y``, or ``None`` if it is not."""
    if node is None:
        return 0
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        flag = getattr(re, node.attr, None) if node.value.id == "re" else None
        return int(flag) if isinstance(flag, re.RegexFlag) else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _flags(node.left), _flags(node.right)
        return None if left is None or right is None else left | right
    return None


# Where each function of ``re`` takes its flags, counting the pattern as 0.
_FLAGS_AT = {
    "compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2,
    "split": 3, "sub": 4, "subn": 4,
}  # fmt: skip


def _inline_patterns(module: Any) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The patterns a module's source passes to ``re`` functions as string literals."""
    path = pathlib.Path(module.__file__)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    short = module.__name__.removeprefix("claimtrack.")
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _FLAGS_AT
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            continue
        at = _FLAGS_AT[node.func.attr]
        given = [k.value for k in node.keywords if k.arg == "flags"]
        flags = _flags(node.args[at] if len(node.args) > at else given[0] if given else None)
        if flags is not None:
            yield f"{short}:{node.lineno}", re.compile(node.args[0].value, flags)


def _collect() -> dict[str, re.Pattern[str]]:
    """Every pattern of claimtrack by name, each once."""
    found: dict[tuple[str, int], tuple[str, re.Pattern[str]]] = {}
    modules = _modules()
    for module in modules:
        short = module.__name__.removeprefix("claimtrack.")
        for key, value in vars(module).items():
            if not key.startswith("__"):
                for name, pattern in _patterns_in(value, f"{short}.{key}"):
                    found.setdefault((pattern.pattern, pattern.flags), (name, pattern))
    for module in modules:
        for name, pattern in _inline_patterns(module):
            found.setdefault((pattern.pattern, pattern.flags), (name, pattern))
    return dict(sorted(found.values()))


_PATTERNS = _collect()

# Characters tried where a pattern wants "anything but" some.
_POOL = "aZ1 .,;:-()'\"\n\t$%/é’—"
_CATEGORY_ESCAPES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}  # fmt: skip
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}


def _class_chars(items: list[tuple[Any, Any]], flags: int) -> list[str]:
    """Some characters a parsed character class matches."""
    parts, chars = [], []
    for op, arg in items:
        if op == sre.LITERAL:
            parts.append(re.escape(chr(arg)))
            chars.append(chr(arg))
        elif op == sre.RANGE:
            parts.append(re.escape(chr(arg[0])) + "-" + re.escape(chr(arg[1])))
            chars += [chr(arg[0]), chr((arg[0] + arg[1]) // 2), chr(arg[1])]
        elif op == sre.CATEGORY:
            parts.append(_CATEGORY_ESCAPES.get(arg, ""))
        elif op == sre.NEGATE:
            parts.insert(0, "^")
            chars = []
    matches = re.compile("[" + "".join(parts) + "]", flags).fullmatch
    return chars + [c for c in _POOL if matches(c)] or ["a"]


class _Sampler:
    """Renders strings a parsed pattern matches, taking each branch and repeat count of the
    pattern in turn across renderings; it also remembers the prefix and body of one repeat
    (the ``pump``-th met), to pump."""

    def __init__(self, flags: int) -> None:
        self.flags = flags
        self.turns: collections.Counter[int] = collections.Counter()
        self.pump = -1
        self.met = 0
        self.pumped: tuple[str, str] | None = None

    def _turn(self, node: object, count: int) -> int:
        """The next of ``count`` choices at ``node``."""
        self.turns[id(node)] += 1
        return (self.turns[id(node)] - 1) % count

    def render(self, tree: Any, before: str = "") -> str:
        out: list[str] = []
        for op, arg in tree:
            done = before + "".join(out)
            if op == sre.LITERAL:
                out.append(chr(arg))
            elif op == sre.NOT_LITERAL:
                others = [c for c in _POOL if ord(c) != arg]
                out.append(others[self._turn(arg, len(others))])
            elif op == sre.ANY:
                out.append("aZ1 .,"[self._turn(op, 6)])
            elif op == sre.IN:
                chars = _class_chars(arg, self.flags)
                out.append(chars[self._turn(arg, len(chars))])
            elif op == sre.BRANCH:
                out.append(self.render(arg[1][self._turn(arg, len(arg[1]))], done))
            elif op == sre.SUBPATTERN:
                out.append(self.render(arg[-1], done))
            elif op == getattr(sre, "ATOMIC_GROUP", None):
                out.append(self.render(arg, done))
            elif (op == sre.ASSERT and arg[0] < 0) or op == sre.GROUPREF_EXISTS:
                # what a lookbehind wants, just before; a conditional's first branch
                out.append(self.render(arg[1], done))
            elif op in _REPEATS:
                low, high, body = arg
                top = low + 3 if high == sre.MAXREPEAT else min(high, low + 3)
                count = low + self._turn(arg, top - low + 1)
                self.met += 1
                if self.met - 1 == self.pump:
                    self.pumped = (done, self.render(body, done))
                out.extend(self.render(body, done) for _ in range(count))
        return "".join(out)

    def sample(self, tree: Any, pump: int = -1) -> str:
        """A rendering of ``tree``, pumping its ``pump``-th repeat."""
        self.pump, self.met, self.pumped = pump, 0, None
        return self.render(tree)


def _literal_words(tree: Any, words: set[str]) -> set[str]:
    """The runs of two or more literal characters in a parsed pattern."""
    run: list[str] = []
    for op, arg in [*tree, (None, None)]:
        if op == sre.LITERAL:
            run.append(chr(arg))
            continue
        if len(run) > 1:
            words.add("".join(run))
        run = []
        if op == sre.BRANCH:
            for branch in arg[1]:
                _literal_words(branch, words)
        elif op == sre.SUBPATTERN:
            _literal_words(arg[-1], words)
        elif op in _REPEATS:
            _literal_words(arg[2], words)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _literal_words(arg[1], words)
    return words


# Units repeated for every pattern: runs of one kind of character and common mixtures.
_GENERIC = (
    "a", "Z", "1", " ", ".", "(", ",", "\n", "\t", "-", "'", "a ", "Aa ", "A. ", "1,", "1.",
    "((", "a\n", "a, ", "a1 ", "Ab. ", "- ", "'s ", "aA", "Aa-", "1 a ", "a.b ", " \n",
)  # fmt: skip


def _adversaries(pattern: re.Pattern[str]) -> list[tuple[str, tuple[str, str]]]:
    """(label, (prefix, body)) pairs: the prefix, then the body repeated, builds an
    adversarial string for ``pattern``."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    units = set(_GENERIC)
    words = sorted(_literal_words(tree, set()))
    words = words[:: max(1, len(words) // 10)]  # ten or so, spread over the alphabet
    for word in words:
        units.update({word, word + " ", word.capitalize() + " "})
    if words:
        units.add(" ".join(words[:6]) + " ")
    sampler = _Sampler(pattern.flags)
    for _ in range(12):  # what matches, with its last or second half missing
        sample = sampler.sample(tree)
        if len(sample) > 1:
            units.update({sample[:-1], sample[:-1] + " ", sample[: len(sample) // 2]})
    found = [(repr(unit), ("", unit)) for unit in sorted(units) if unit]
    pumps = set()
    for index in range(12):  # what matches up to a repeat, then that repeat's body forever
        sampler.sample(tree, pump=index)
        if sampler.pumped is not None and sampler.pumped[1]:
            pumps.add(sampler.pumped)
    found += [(f"{p!r} + {b!r} * k", (p, b)) for p, b in sorted(pumps)]
    return found


def _text(unit: tuple[str, str], n: int) -> str:
    """The first ``n`` characters of a (prefix, body) unit with its body repeated."""
    prefix, body = unit
    return (prefix + body * (n // len(body) + 1))[:n]


def _scanner(pattern: re.Pattern[str], *, anchored: bool) -> Callable[[str], object]:
    """What a pattern's users do with it: find every match, or try one at the start."""
    if anchored:
        return pattern.match
    return lambda text: collections.deque(pattern.finditer(text), maxlen=0)


def _cost(scan: Callable[[str], object], text: str, runs: int) -> float:
    """The best of ``runs`` times to scan ``text``."""
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        scan(text)
        best = min(best, time.perf_counter() - started)
    return best


_SCREEN = 1_000  # characters each adversary is first tried on
_OBVIOUS = 0.01  # seconds at _SCREEN characters that make an adversary the one to measure
_SUSPECTS = 2  # the slowest adversaries, measured closely
_MEASURABLE = 0.0005  # seconds the time at n should reach, so timer noise does not dominate
_AMPLE = 0.02  # seconds the time at n need not exceed: more only makes a slow test slower
_NEGLIGIBLE = 0.0005  # seconds at 4n too few for any ratio to mean anything
_LARGEST = 64_000  # n grows no further: a pattern that fast at 64k characters is no worry
_LIMIT = 10.0  # a linear scan grows about 4 times on 4 times the text, a quadratic one 16


def _growth(
    scan: Callable[[str], object], unit: tuple[str, str]
) -> tuple[float, int, float, float]:
    """(ratio, n, time at n, time at 4n) for a scan of ``unit`` repeated, n chosen so the
    time at n is measurable but short; the least ratio of a few tries, against noise."""
    n = _SCREEN
    spent = _cost(scan, _text(unit, n), 1)
    while spent > _AMPLE and n > 250:
        n //= 2
        spent = _cost(scan, _text(unit, n), 1)
    while spent < _MEASURABLE and n < _LARGEST:
        n *= 2
        spent = _cost(scan, _text(unit, n), 1)
    best = (float("inf"), n, 0.0, 0.0)
    for _ in range(3):
        small = _cost(scan, _text(unit, n), 3)
        large = _cost(scan, _text(unit, 4 * n), 2)
        ratio = large / max(small, 1e-7) if large > _NEGLIGIBLE else 1.0
        best = min(best, (ratio, n, small, large))
        if best[0] < _LIMIT or large > 0.1:  # linear, or too slow for noise to explain
            break
    return best


def _worst(
    pattern: re.Pattern[str], *, anchored: bool = False
) -> tuple[float, int, float, float, str]:
    """(ratio, n, time at n, time at 4n, adversary) for the adversary of ``pattern`` whose
    time grows the most, among the slowest at _SCREEN characters."""
    scan = _scanner(pattern, anchored=anchored)
    screened = []
    for label, unit in _adversaries(pattern):
        screened.append((_cost(scan, _text(unit, _SCREEN), 1), label, unit))
        if screened[-1][0] > _OBVIOUS:
            break
    screened.sort(reverse=True)
    return max((*_growth(scan, unit), label) for _spent, label, unit in screened[:_SUSPECTS])


@pytest.fixture(name="no_gc")
def fixture_no_gc() -> Iterator[None]:
    """The garbage collector paused, so it does not run inside a timing."""
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _params() -> list[Any]:
    return [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=_KNOWN_SUPERLINEAR[name])]
            if name in _KNOWN_SUPERLINEAR
            else [],
            id=name,
        )
        for name in _PATTERNS
    ]


class TestCollection:
    """The patterns the timing tests cover, and the timing itself."""

    def test_finds_module_level_and_inline_patterns(self) -> None:
        """Module-level, contained, rule and inline patterns are all collected."""
        names = set(_PATTERNS)
        expected = {
            "_claims._ATTRIBUTION",
            "_read._HEADER_DATES[0]",
            "mentions._times_en.RULES[0]:month-date",
        }

        assert expected <= names
        assert any(":" in name and name.split(":")[-1].isdigit() for name in names)

    def test_exceptions_are_collected(self) -> None:
        """Every pattern excepted by name still exists under that name."""
        assert set() == (set(_KNOWN_SUPERLINEAR) | set(_ANCHORED)) - set(_PATTERNS)

    def test_adversaries_are_built(self) -> None:
        """A pattern gets its own words and a pumped repeat among its adversaries."""
        labels = [label for label, _unit in _adversaries(re.compile(r"(?:\sof)+$"))]

        assert {"'of'", "'of '"} <= set(labels)
        assert any(label.endswith("* k") for label in labels)

    @pytest.mark.usefixtures("no_gc")
    def test_catches_scanning_ahead(self) -> None:
        """A pattern whose every attempt scans to the end before failing is caught."""
        ratio, *_rest = _worst(re.compile(r".*[,;:–—]\s", re.DOTALL))

        assert ratio > _LIMIT


class TestRewrittenPatterns:
    """Patterns rewritten to run in linear time match as they did before."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "the Russia Act-Vienna Resolution in Agreement was",
                [("Russia Act", 4, 14), ("Vienna Resolution in Agreement", 15, 45)],
            ),
            (
                "the pro-Western Charter and the Soviet-American Treaty",
                [("Western Charter", 8, 23), ("Soviet-American Treaty", 32, 54)],
            ),
            (
                "the Treaty on the Rights of the Child of the and",
                [("Treaty on the Rights of the Child", 4, 37)],
            ),
        ],
    )
    def test_references(self, text: str, expected: list[tuple[str, int, int]]) -> None:
        """Names start at a later capital of a hyphenated word; trailing joiners are dropped."""
        assert expected == [(r.text, r.start, r.end) for r in claimtrack.find_references(text)]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            (
                "Wait... what?! No.  (Applause) Yes.",
                ["Wait... what?!", "No.", "(Applause)", "Yes."],
            ),
            (
                "It was... fine…. Go!? “We won.” They left.",
                ["It was... fine….", "Go!?", "“We won.”", "They left."],
            ),
        ],
    )
    def test_sentences(self, text: str, expected: list[str]) -> None:
        """Runs of marks, an ellipsis before a mark and stage directions end sentences."""
        assert expected == [s.text for s in claimtrack.split_sentences(text)]


class TestLinear:
    """Every pattern scans hostile input in linear time."""

    @pytest.mark.usefixtures("no_gc")
    @pytest.mark.parametrize("name", _params())
    def test_linear(self, name: str) -> None:
        """Finding every match in 4n characters takes well under 16 times as long as in n
        (or, for a pattern only ever matched at a given offset, matching there does)."""
        pattern = _PATTERNS[name]

        ratio, n, small, large, label = _worst(pattern, anchored=name in _ANCHORED)

        assert ratio < _LIMIT, (
            f"{name} ({pattern.pattern!r}) on {label}: {small * 1e3:.2f} ms for {n} characters,"
            f" {large * 1e3:.2f} ms for {4 * n}"
        )
