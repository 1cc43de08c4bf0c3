"""VADER's compound score, the same number at a fraction of the cost.

vaderSentiment (Hutto & Gilbert, ICWSM 2014) is the sentiment the product
reports. Its reference implementation spends most of a call on bookkeeping that
a short customer message does not need: it rebuilds the text character by
character to swap emoji for words, lower-cases the whole word list again for
every sentiment word it meets, and walks every word through the full rule chain
even when the word carries no sentiment at all.

``VaderCompound`` keeps VADER's rules, lexicon and constants (read from the
installed package, never copied) and reorganises the work: each word is
lower-cased once, a word outside the lexicon costs two dictionary lookups, and
the rules for negation, boosters, capitals, idioms, "least" and "but" run only
around the sentiment words. ``tests/test_sentiment.py`` holds it to the
package's own ``polarity_scores(text)["compound"]``, exactly, on generated and
real texts; any difference is a bug here.
"""

from __future__ import annotations

import re
import string
from typing import Any

from vaderSentiment import vaderSentiment as _vader

_PUNCTUATION = string.punctuation
_NEGATIONS = frozenset(_vader.NEGATE)
_BOOSTERS: dict[str, float] = _vader.BOOSTER_DICT
_SPECIAL_CASES: dict[str, float] = _vader.SPECIAL_CASES
_N_SCALAR: float = _vader.N_SCALAR
_C_INCR: float = _vader.C_INCR
# Words that can take part in a multi-word idiom or booster ("kiss of death", "sort of"):
# the idiom check runs only when one of them is near a sentiment word.
_MARK = "\ue000"  # a private-use character: where an emoji was
_MARK_AFTER_NON_SPACE = re.compile(f"(?<=[^ ]){_MARK}")
_IDIOM_WORDS = frozenset(
    word for phrase in (*_SPECIAL_CASES, *_BOOSTERS) if " " in phrase for word in phrase.split()
)


class VaderCompound:
    """``compound(text)`` equals ``SentimentIntensityAnalyzer().polarity_scores(text)
    ["compound"]`` for every text."""

    def __init__(self, analyzer: Any | None = None) -> None:
        analyzer = analyzer or _vader.SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = analyzer.lexicon
        # Words that carry a valence of their own (a booster only modifies others).
        self._scored = {w: v for w, v in self.lexicon.items() if w not in _BOOSTERS}
        # The reference swaps emoji one code point at a time, so only one-character
        # entries can ever match.
        self.emojis: dict[str, str] = {k: v for k, v in analyzer.emojis.items() if len(k) == 1}
        self._emoji_chars = frozenset(self.emojis)
        # Every emoji entry is outside ASCII today; if a lexicon update changes that,
        # the ASCII shortcut is simply not taken.
        self._ascii_safe = not any(k.isascii() for k in self.emojis)
        # Each emoji becomes a marker and its description in one C-level pass; the
        # marker then becomes the reference's space, or nothing after a space. That
        # reads the right neighbour only while no description ends in a space.
        self._marked = {ord(k): _MARK + v for k, v in self.emojis.items()}
        self._translatable = not any(v.endswith(" ") for v in self.emojis.values())

    def compound(self, text: str) -> float:
        text = self._describe_emoji(text).strip()
        words = text.split()
        if not words:
            return 0.0
        # Punctuation comes off both ends, unless two or fewer characters would be left:
        # then it was an emoticon such as ':)', kept whole.
        words = [s if len(s := w.strip(_PUNCTUATION)) > 2 else w for w in words]
        lowers = list(map(str.lower, words))
        count = len(words)
        capitals = sum(map(str.isupper, words))
        cap_diff = 0 < count - capitals < count
        scored = self._scored
        sentiments: list[float] = [0] * count
        for i, low in enumerate(lowers):
            if low not in scored:
                continue
            if low == "kind" and i < count - 1 and lowers[i + 1] == "of":
                continue
            sentiments[i] = self._valence(words, lowers, i, cap_diff)

        if "but" in lowers:
            _but_check(lowers.index("but"), sentiments)

        total = float(sum(sentiments))
        if total > 0:
            total += _punctuation_emphasis(text)
        elif total < 0:
            total -= _punctuation_emphasis(text)
        return round(float(_vader.normalize(total)), 4)

    def _describe_emoji(self, text: str) -> str:
        """Each emoji becomes its description, with a space before it unless one is
        there already (the reference's rule, which adds none after it)."""
        if (self._ascii_safe and text.isascii()) or self._emoji_chars.isdisjoint(text):
            return text
        if self._translatable and _MARK not in text:
            marked = text.translate(self._marked)
            return _MARK_AFTER_NON_SPACE.sub(" ", marked).replace(_MARK, "")
        out: list[str] = []
        after_space = True
        for char in text:
            description = self.emojis.get(char)
            if description is None:
                out.append(char)
                after_space = char == " "
            else:
                if not after_space:
                    out.append(" ")
                out.append(description)
                after_space = False
        return "".join(out)

    def _valence(self, words: list[str], lowers: list[str], i: int, cap_diff: bool) -> float:
        lexicon = self.lexicon
        low = lowers[i]
        count = len(lowers)
        valence = lexicon[low]
        if low == "no" and i != count - 1 and lowers[i + 1] in lexicon:
            valence = 0.0  # "no" negates the next sentiment word instead
        if (
            (i > 0 and lowers[i - 1] == "no")
            or (i > 1 and lowers[i - 2] == "no")
            or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * _N_SCALAR
        if cap_diff and words[i].isupper():
            valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
        for back in range(3):
            if i <= back:
                break
            before = lowers[i - back - 1]
            if before in lexicon:
                continue
            if before in _BOOSTERS:
                scalar = _BOOSTERS[before]
                if valence < 0:
                    scalar = -scalar
                if cap_diff and words[i - back - 1].isupper():
                    scalar = scalar + _C_INCR if valence > 0 else scalar - _C_INCR
                if back == 1:
                    scalar *= 0.95
                elif back == 2:
                    scalar *= 0.9
                valence += scalar
            else:
                valence += 0.0
            valence = _negation(valence, lowers, back, i)
            if back == 2 and not _IDIOM_WORDS.isdisjoint(lowers[i - 3 : i + 3]):
                valence = _idioms(valence, lowers, i)
        before = lowers[i - 1] if i > 0 else ""
        if before == "least" and before not in lexicon:
            if i > 1:
                if lowers[i - 2] not in ("at", "very"):
                    valence *= _N_SCALAR
            else:
                valence *= _N_SCALAR
        return valence


def _negated(word: str) -> bool:
    return word in _NEGATIONS or "n't" in word


def _negation(valence: float, lowers: list[str], back: int, i: int) -> float:
    if back == 0:
        if _negated(lowers[i - 1]):
            valence *= _N_SCALAR
    elif back == 1:
        if lowers[i - 2] == "never" and lowers[i - 1] in ("so", "this"):
            valence *= 1.25
        elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            pass
        elif _negated(lowers[i - 2]):
            valence *= _N_SCALAR
    else:
        if (lowers[i - 3] == "never" and lowers[i - 2] in ("so", "this")) or lowers[i - 1] in (
            "so",
            "this",
        ):
            valence *= 1.25
        elif lowers[i - 3] == "without" and "doubt" in (lowers[i - 2], lowers[i - 1]):
            pass
        elif _negated(lowers[i - 3]):
            valence *= _N_SCALAR
    return valence


def _idioms(valence: float, lowers: list[str], i: int) -> float:
    """Idioms that fix a sentiment word's valence ("the shit", "kiss of death") and
    two- or three-word boosters before it ("sort of")."""
    one_zero = f"{lowers[i - 1]} {lowers[i]}"
    two_one_zero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
    two_one = f"{lowers[i - 2]} {lowers[i - 1]}"
    three_two_one = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
    three_two = f"{lowers[i - 3]} {lowers[i - 2]}"
    for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if sequence in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[sequence]
            break
    count = len(lowers)
    if count - 1 > i:
        zero_one = f"{lowers[i]} {lowers[i + 1]}"
        if zero_one in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[zero_one]
    if count - 1 > i + 1:
        zero_one_two = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
        if zero_one_two in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[zero_one_two]
    for gram in (three_two_one, three_two, two_one):
        if gram in _BOOSTERS:
            valence = valence + _BOOSTERS[gram]
    return valence


def _but_check(but: int, sentiments: list[float]) -> None:
    """Halve what comes before the first "but" and raise what follows by half.

    The reference finds each value's position with ``list.index``, so a value equal
    to an earlier one (every zero, a repeated word) updates that earlier position.
    Kept as is: the product reports VADER's number, quirks included."""
    for position in range(len(sentiments)):
        value = sentiments[position]
        first = sentiments.index(value)
        if first < but:
            sentiments[first] = value * 0.5
        elif first > but:
            sentiments[first] = value * 1.5


def _punctuation_emphasis(text: str) -> float:
    exclamations = min(text.count("!"), 4)
    emphasis = exclamations * 0.292
    questions = text.count("?")
    if questions > 1:
        emphasis += questions * 0.18 if questions <= 3 else 0.96
    return emphasis
