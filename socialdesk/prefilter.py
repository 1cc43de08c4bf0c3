"""Regular expressions that skip texts they cannot match.

A cue pattern such as ``\\b\\d+\\s*(?:min|hours|days)\\b`` makes Python's engine try
every position of every message, because it starts with a word boundary; a
customer message rarely holds any of it. ``Prefiltered`` reads the pattern's
own syntax tree once and finds something every match must contain: one of a few
literal strings ("min", "hour", "day"), or one character of a small class
("[A-Z]"). A text without it is answered "no match" by a plain substring or set
test; any other text goes to the real pattern. The test is only ever a
necessary condition, so results are the pattern's own.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The standard library's regular-expression parser (``sre_parse`` before 3.11),
# used read-only to look at a pattern's structure.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_MAX_CLASS_CHARS = 256
_MAX_STRINGS = 64
_EMPTY: frozenset[str] = frozenset([""])
_REPEATS = tuple(
    op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op
)


@dataclass(frozen=True, slots=True)
class _Literals:
    strings: frozenset[str]

    def __post_init__(self) -> None:
        # A text holding "hours" holds "hour": the shorter strings are enough.
        kept = frozenset(
            s for s in self.strings if not any(o != s and o in s for o in self.strings)
        )
        object.__setattr__(self, "strings", kept)

    @property
    def rank(self) -> tuple[int, int]:
        return (min(map(len, self.strings)), -len(self.strings))


@dataclass(frozen=True, slots=True)
class _Chars:
    chars: frozenset[str]


_Need = _Literals | _Chars


def _best(needs: Sequence[_Need]) -> _Need | None:
    """The most selective need: long literals first, then a character class, then
    single characters."""
    # A set holding "" is met by every text: no need at all.
    literals = [n for n in needs if isinstance(n, _Literals) and "" not in n.strings]
    long = [n for n in literals if n.rank[0] >= 2]
    if long:
        return max(long, key=lambda n: n.rank)
    classes = [n for n in needs if isinstance(n, _Chars)]
    if classes:
        return min(classes, key=lambda n: len(n.chars))
    return max(literals, key=lambda n: n.rank) if literals else None


def _union(needs: Sequence[_Need]) -> _Need:
    if all(isinstance(n, _Chars) for n in needs):
        return _Chars(frozenset().union(*(n.chars for n in needs if isinstance(n, _Chars))))
    strings: set[str] = set()
    for need in needs:
        strings |= need.strings if isinstance(need, _Literals) else need.chars
    return _Literals(frozenset(strings))


def _class_chars(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is _c.LITERAL:
            chars.add(chr(value))
        elif op is _c.RANGE:
            low, high = value
            if high - low >= _MAX_CLASS_CHARS:
                return None
            chars.update(chr(code) for code in range(low, high + 1))
        else:  # a negated class or a category such as \d: too wide to test cheaply
            return None
        if len(chars) > _MAX_CLASS_CHARS:
            return None
    return frozenset(chars)


def _exact(op: Any, value: Any) -> frozenset[str] | None:
    """Every string this item can match, when there are few of them; "" for a
    zero-width item."""
    if op is _c.LITERAL:
        return frozenset([chr(value)])
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _EMPTY
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, inner = value
        return None if add_flags & _c.SRE_FLAG_IGNORECASE else _exact_sequence(inner)
    if op is _c.BRANCH:
        strings: set[str] = set()
        for alternative in value[1]:
            exact = _exact_sequence(alternative)
            if exact is None:
                return None
            strings |= exact
        return frozenset(strings) if len(strings) <= _MAX_STRINGS else None
    if op is _c.IN:
        chars = _class_chars(value)
        return chars if chars is not None and len(chars) <= _MAX_STRINGS else None
    return None


def _exact_sequence(sequence: Any) -> frozenset[str] | None:
    strings: frozenset[str] | None = _EMPTY
    for op, value in sequence:
        exact = _exact(op, value)
        if exact is None or strings is None:
            return None
        strings = _product(strings, exact)
    return strings


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_STRINGS:
        return None
    return frozenset(a + b for a in left for b in right)


def _needs(sequence: Any) -> list[_Need]:
    """Things each of which every match of ``sequence`` contains."""
    found: list[_Need] = []
    run = _EMPTY  # the strings the items since the last inexact one can match, joined

    def end_run() -> None:
        nonlocal run
        if run != _EMPTY:
            found.append(_Literals(run))
        run = _EMPTY

    for op, value in sequence:
        exact = _exact(op, value)
        if exact is not None:
            joined = _product(run, exact)
            if joined is None:
                end_run()
                joined = exact
            run = joined
            if op in (_c.BRANCH, _c.IN) and exact:
                found.append(_Literals(exact) if op is _c.BRANCH else _Chars(exact))
            continue
        end_run()
        if op is _c.SUBPATTERN:
            _group, add_flags, _del_flags, inner = value
            if not add_flags & _c.SRE_FLAG_IGNORECASE:
                found.extend(_needs(inner))
        elif op is _c.BRANCH:
            choices = [_best(_needs(alternative)) for alternative in value[1]]
            if all(choice is not None for choice in choices):
                found.append(_union([c for c in choices if c is not None]))
        elif op in _REPEATS:
            low, _high, inner = value
            if low >= 1:
                found.extend(_needs(inner))
                repeated = _exact_sequence(inner)
                strings: frozenset[str] | None = _EMPTY if repeated is not None else None
                for _ in range(min(low, 4)):
                    if strings is None or repeated is None:
                        break
                    strings = _product(strings, repeated)
                if strings is not None:
                    found.append(_Literals(strings))
        elif op is _c.IN:
            chars = _class_chars(value)
            if chars:
                found.append(_Chars(chars))
        # Anything else (any character, a category, a back-reference) needs nothing known.
    end_run()
    return found


def necessary(source: str) -> _Need | None:
    """Something every match of the pattern ``source`` contains, or None."""
    tree = _parser.parse(source)
    if tree.state.flags & _c.SRE_FLAG_IGNORECASE:
        return None
    return _best(_needs(tree))


class Prefiltered:
    """``search`` is the compiled pattern's, answered early when a text cannot match."""

    __slots__ = ("_literal", "_need", "pattern")

    def __init__(self, source: str) -> None:
        self.pattern = re.compile(source)
        need = necessary(source)
        # One literal: a substring test. Several, or a class: one scan by a small
        # pattern that the engine runs as a plain character or literal search.
        self._literal: str | None = None
        self._need: re.Pattern[str] | None = None
        if isinstance(need, _Literals) and len(need.strings) == 1:
            (self._literal,) = need.strings
        elif isinstance(need, _Literals):
            ordered = sorted(need.strings, key=lambda s: (-len(s), s))
            self._need = re.compile("|".join(map(re.escape, ordered)))
        elif isinstance(need, _Chars):
            self._need = re.compile("[" + "".join(map(re.escape, sorted(need.chars))) + "]")

    def search(self, text: str) -> re.Match[str] | None:
        if self._literal is not None:
            if self._literal not in text:
                return None
        elif self._need is not None and self._need.search(text) is None:
            return None
        return self.pattern.search(text)
