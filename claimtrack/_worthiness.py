"""Check-worthiness: how much a sentence looks like a factual claim worth checking.

The score is a logistic regression over words, word pairs and a few hand-made cues
(numbers, years, percentages, money, past tense, proper names, "I think", questions,
length), learned from sentences of US presidential debates labelled by the ClaimBuster
crowd as *check-worthy factual* or not. Its weights ship inside the package as
``claimtrack/data/worthiness.json``; nothing is downloaded and no numerical library is
needed at run time.

>>> from claimtrack._worthiness import worthiness
>>> claim = worthiness("Unemployment rose to 9.5 percent in 2010.")
>>> claim.check_worthy, worthiness("Thank you very much.").check_worthy
(True, False)
>>> 0.0 <= claim.score <= 1.0
True
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
import re
import sys
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

import attrs

__all__ = [
    "Worthiness",
    "features",
    "logit",
    "tokens",
    "worthiness",
    "worthiness_threshold",
]

#: How many of the largest contributions :func:`worthiness` reports.
TOP_FEATURES = 8

# Numbers first (money, percentages, plain numbers), then words, then a question mark.
_TOKEN = re.compile(
    r"\$\s?\d[\d,]*(?:\.\d+)?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|per\scent\b)"
    r"|\d[\d,]*(?:\.\d+)?(?:st|nd|rd|th|s)?\b"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"
    r"|\?"
)
_YEAR = re.compile(r"(?:1[6-9]|20)\d\ds?")
_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions
    trillion trillions half twice double doubled tripled percent""".split()
)
_PAST_IRREGULAR = frozenset(
    """was were had did said made went came took gave got became began brought bought
    built cut fell felt found grew held kept knew led left lost meant met paid put ran
    rose saw sent sold spent stood told thought voted won wrote""".split()
)
_OPINION_VERBS = frozenset("think believe feel hope want wish guess suppose".split())
_FIRST_PERSON = frozenset("i we i'm we're i've we've i'll we'll".split())
# A capitalised word that does not open the sentence: a cheap stand-in for a named entity.
_PROPER = re.compile(r"(?<=[\w,;:] )[A-Z][a-z]+|(?<=[\w,;:] )[A-Z]{2,}\b")


def tokens(sentence: str) -> list[str]:
    """Split a sentence into lower-cased word tokens, with numbers replaced by shapes.

    Money becomes ``<money>``, percentages ``<pct>``, years ``<year>``, ordinals
    ``<ord>`` and other numbers ``<num>``; a question mark is kept as a token.

    Args:
        sentence: Any text.

    Returns:
        The tokens, in order.

    >>> tokens("In 2010, we spent $3 billion: 9.5% of the 1st budget?")
    ['in', '<year>', 'we', 'spent', '<money>', 'billion', '<pct>', 'of', 'the', '<ord>',
     'budget', '?']
    """
    return [_normalise(token) for token in _TOKEN.findall(sentence)]


def _normalise(token: str) -> str:
    """One raw token of :data:`_TOKEN` as :func:`tokens` gives it."""
    first = token[0]
    if first == "$":
        return "<money>"
    if first.isdigit():
        low = token.lower()
        if low.endswith(("%", "percent", "cent")):
            return "<pct>"
        if _YEAR.fullmatch(token):
            return "<year>"
        if low.endswith(("st", "nd", "rd", "th")):
            return "<ord>"
        return "<num>"
    return token.lower().replace("’", "'")


def features(sentence: str) -> dict[str, float]:
    """The features of a sentence, by name: the one function training and scoring share.

    Words (``w:``) and pairs of adjacent words (``b:``, with ``<s>`` and ``</s>`` at the
    ends) weigh ``1/sqrt(n)`` together, so long sentences do not score high just for
    being long; cues (``cue:``) and the ``bias`` weigh 1.

    Args:
        sentence: Any text.

    Returns:
        A mapping from feature name to value, in a fixed order.

    >>> f = features("I think so.")
    >>> sorted(name for name in f if name.startswith("cue:"))
    ['cue:first_opinion', 'cue:len<=5']
    >>> round(f["w:think"], 3)
    0.378
    """
    toks = tokens(sentence)
    names: dict[str, None] = {}
    for token in toks:
        names["w:" + token] = None
    sequence = ["<s>", *toks, "</s>"]
    for left, right in itertools.pairwise(sequence):
        names["b:" + left + " " + right] = None
    value = 1.0 / math.sqrt(len(names))
    result = dict.fromkeys(names, value)
    words = [token for token in toks if token[0] != "<"]
    shapes = sorted({token[1:-1] for token in toks if token[0] == "<" and len(token) > 1})
    for shape in shapes:
        result["cue:" + shape] = 1.0
    if shapes or any(word in _NUMBER_WORDS for word in words):
        result["cue:quantity"] = 1.0
    if any(word in _PAST_IRREGULAR or (len(word) > 4 and word.endswith("ed")) for word in words):
        result["cue:past"] = 1.0
    if toks and toks[-1] == "?":
        result["cue:question"] = 1.0
    if any(a in _FIRST_PERSON and b in _OPINION_VERBS for a, b in itertools.pairwise(toks)):
        result["cue:first_opinion"] = 1.0
    if _PROPER.search(sentence):
        result["cue:proper"] = 1.0
    result["cue:" + _length_bucket(len(words))] = 1.0
    result["bias"] = 1.0
    return result


def _length_bucket(words: int) -> str:
    for limit in (5, 10, 20, 30):
        if words <= limit:
            return f"len<={limit}"
    return "len>30"


@attrs.frozen
class Worthiness:
    """How check-worthy a sentence is.

    Attributes:
        score: The probability-like score in [0, 1] that the sentence is a check-worthy
            factual claim.
        threshold: The score from which a sentence counts as check-worthy: the one that
            maximised F1 in cross-validation when the shipped model was trained.
        features: The largest contributions to the score, as (feature name, contribution
            to the log-odds) pairs, largest in absolute value first; at most
            :data:`TOP_FEATURES`.
    """

    score: float = attrs.field(validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)])
    threshold: float
    features: tuple[tuple[str, float], ...]

    @property
    def check_worthy(self) -> bool:
        """Whether the score reaches the threshold.

        >>> Worthiness(score=0.7, threshold=0.5, features=()).check_worthy
        True
        """
        return self.score >= self.threshold


@attrs.frozen
class _Model:
    weights: dict[str, float]
    threshold: float


@functools.cache
def _model() -> _Model:
    resource = files("claimtrack") / "data" / "worthiness.json"
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    weights = {str(name): float(weight) for name, weight in data["weights"].items()}
    return _Model(weights=weights, threshold=float(data["threshold"]))


def worthiness_threshold() -> float:
    """The shipped model's threshold: a score at or above it counts as check-worthy.

    >>> 0.0 < worthiness_threshold() < 1.0
    True
    """
    return _model().threshold


def logit(sentence: str, weights: Mapping[str, float] | None = None) -> float:
    """The log-odds of a sentence under weights (by default the shipped model's).

    The stacked claim score of :mod:`claimtrack._claims` takes it as a feature; in
    training, each fold passes the weights of a model that never saw the sentence.

    >>> logit("Unemployment rose to 9.5 percent in 2010.") > 0 > logit("Thank you.")
    True
    """
    if weights is None:
        return _fast_logit(sentence)
    return math.fsum(
        value * weights[name] for name, value in features(sentence).items() if name in weights
    )


@attrs.frozen
class _Lookup:
    """The shipped weights arranged for :func:`_fast_logit`: by token, by token pair, and
    each cue's weight (``None`` where the model has none)."""

    words: dict[str, float]
    pairs: dict[tuple[str, str], float]
    shapes: tuple[tuple[str, float], ...]  # a shape token, the weight of its cue
    quantity: float | None
    past: float | None
    question: float | None
    first_opinion: float | None
    proper: float | None
    lengths: tuple[float | None, ...]  # by the count of words, up to 31 (``len>30``)
    bias: float | None


@functools.cache
def _lookup() -> _Lookup:
    words: dict[str, float] = {}
    pairs: dict[tuple[str, str], float] = {}
    cues: dict[str, float] = {}
    for name, weight in _model().weights.items():
        if name.startswith("w:"):
            words[sys.intern(name[2:])] = weight
        elif name.startswith("b:") and name.count(" ") == 1:
            left, right = name[2:].split(" ")
            pairs[sys.intern(left), sys.intern(right)] = weight
        else:
            cues[name] = weight  # the cues and the bias (a pair name with more spaces, never)
    return _Lookup(
        words=words,
        pairs=pairs,
        shapes=tuple(
            (shape, cues["cue:" + shape[1:-1]]) for shape in _SHAPES if "cue:" + shape[1:-1] in cues
        ),
        quantity=cues.get("cue:quantity"),
        past=cues.get("cue:past"),
        question=cues.get("cue:question"),
        first_opinion=cues.get("cue:first_opinion"),
        proper=cues.get("cue:proper"),
        lengths=tuple(cues.get("cue:" + _length_bucket(n)) for n in range(32)),
        bias=cues.get("bias"),
    )


_SHAPES = ("<money>", "<pct>", "<year>", "<ord>", "<num>")
_SHAPE_SET = frozenset(_SHAPES)
_QUANTITY_TOKENS = _NUMBER_WORDS | frozenset(_SHAPES)
_OPINION_PAIRS = frozenset((first, verb) for first in _FIRST_PERSON for verb in _OPINION_VERBS)
# Whitespace-separated chunk → its normalised tokens, and whether one is a word in the
# past tense: the same few thousand recur, so each is read once. Cleared when big; each
# call keeps what it read, so threads sharing the cache cannot disturb one another.
_CHUNKS: dict[str, tuple[tuple[str, ...], bool]] = {}
_CACHE_LIMIT = 200_000
# Where a token of :data:`_TOKEN` may span whitespace: ``$ 5``, ``5 %``, ``5 per cent``.
_SPANNING = re.compile(r"\$\s|\d\s%|\d\s?per\s|\d\spercent")
_TOKENS_OF = operator.itemgetter(0)
_PAST_OF = operator.itemgetter(1)
# Tokens, the ends of a sentence and the shipped weights' names share their strings
# (interned), so that looking up a token compares no characters.
_SENTENCE_START = sys.intern("<s>")
_SENTENCE_END = sys.intern("</s>")


def _normalised_tokens(sentence: str) -> tuple[list[str], bool]:
    """:func:`tokens`, with each distinct whitespace-separated chunk tokenised once, and
    whether a word among them is in the past tense (``cue:past``).

    No token spans whitespace unless :data:`_SPANNING` finds it (then the sentence is
    tokenised whole), and whitespace, like the end of a string, is no word character,
    so the chunks' tokens are the sentence's.
    """
    if ("$" in sentence or "%" in sentence or "per" in sentence) and _SPANNING.search(sentence):
        toks = tokens(sentence)
        return toks, any(map(_is_past, toks))
    chunks = sentence.split()
    try:
        read = list(map(_CHUNKS.__getitem__, chunks))
    except KeyError:
        if len(_CHUNKS) > _CACHE_LIMIT:
            _CHUNKS.clear()
        read = []
        for chunk in chunks:
            found = _CHUNKS.get(chunk)
            if found is None:
                chunk_tokens = tuple(map(sys.intern, tokens(chunk)))
                found = _CHUNKS[chunk] = (chunk_tokens, any(map(_is_past, chunk_tokens)))
            read.append(found)
    toks = list(itertools.chain.from_iterable(map(_TOKENS_OF, read)))
    return toks, any(map(_PAST_OF, read))


def _is_past(token: str) -> bool:
    """Whether a token is a word in the past tense (``cue:past``)."""
    return token[0] != "<" and (
        token in _PAST_IRREGULAR or (len(token) > 4 and token.endswith("ed"))
    )


# Whether :data:`_PROPER` finds a match (a run of capitals matches only whole). It opens
# with the space, so that the search skips to the spaces; the lookbehind then checks the
# character before it.
_HAS_PROPER = re.compile(r" (?<=[\w,;:] )[A-Z](?:[a-z]|[A-Z]+\b)")


def _fast_logit(sentence: str) -> float:
    """``logit(sentence)`` with the shipped weights, without building feature names.

    The same products are summed as by :func:`features` and ``math.fsum`` (an exact
    sum, whatever the order), so the result is the same to the last bit.
    """
    lookup = _lookup()
    toks, past = _normalised_tokens(sentence)
    distinct = set(toks)
    pairs = set(itertools.pairwise([_SENTENCE_START, *toks, _SENTENCE_END]))
    value = 1.0 / math.sqrt(len(distinct) + len(pairs))
    # A weight of 0 adds nothing to the exact sum: dropping it with the missing is safe.
    found = filter(
        None, itertools.chain(map(lookup.words.get, distinct), map(lookup.pairs.get, pairs))
    )
    terms = list(map(value.__mul__, found))
    shapes = 0
    if not _SHAPE_SET.isdisjoint(distinct):
        shapes = sum(map(toks.count, _SHAPES))
        terms.extend(weight for shape, weight in lookup.shapes if shape in distinct)
    cues = [
        lookup.quantity if not _QUANTITY_TOKENS.isdisjoint(distinct) else None,
        lookup.past if past else None,
        lookup.question if toks and toks[-1] == "?" else None,
        lookup.first_opinion
        if not (
            _FIRST_PERSON.isdisjoint(distinct)
            or _OPINION_VERBS.isdisjoint(distinct)
            or _OPINION_PAIRS.isdisjoint(pairs)  # pairs with <s> or </s> are none of these
        )
        else None,
        lookup.proper if _HAS_PROPER.search(sentence) else None,
        lookup.lengths[min(len(toks) - shapes, 31)],
        lookup.bias,
    ]
    terms.extend([weight for weight in cues if weight is not None])
    return math.fsum(terms)


def worthiness(sentence: str) -> Worthiness:
    """Score how check-worthy a sentence is, with the shipped model.

    Deterministic, and fast enough for whole transcripts (several thousand sentences
    a second in pure Python).

    Args:
        sentence: One sentence; any text is accepted.

    Returns:
        The score, the threshold and the features that weighed most.

    >>> w = worthiness("Unemployment rose to 9.5 percent in 2010.")
    >>> w.score > w.threshold
    True
    >>> [name for name, _ in w.features][:3]
    [...]
    >>> worthiness("I think he is a good man.").check_worthy
    False
    """
    model = _model()
    weights = model.weights
    contributions = [
        (name, value * weights[name])
        for name, value in features(sentence).items()
        if name in weights
    ]
    logit = math.fsum(contribution for _, contribution in contributions)
    top = sorted(contributions, key=lambda item: (-abs(item[1]), item[0]))[:TOP_FEATURES]
    return Worthiness(
        score=_sigmoid(logit),
        threshold=model.threshold,
        features=tuple((name, round(contribution, 4)) for name, contribution in top),
    )


def _sigmoid(logit: float) -> float:
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    exp = math.exp(logit)
    return exp / (1.0 + exp)
