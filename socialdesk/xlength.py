"""How long X counts a post: its weighted length, not its number of characters.

X's counting rules (twitter-text's published configuration, version 3,
https://developer.x.com/en/docs/counting-characters): the text is put in Unicode NFC
first; a code point weighs 1 in the ranges below (Latin and most scripts that read left
to right, general punctuation such as dashes and quotation marks) and 2 elsewhere (CJK
ideographs, Hangul, Japanese kana and most symbols); an emoji weighs 2 however many code
points make it (skin tones, joined families, flags, keycaps); and a URL weighs 23
whatever its length, because X shortens it. A post may weigh 280.

This is our own implementation of those rules, for the checks before sending.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_WEIGHTED_LENGTH = 280
URL_WEIGHT = 23
EMOJI_WEIGHT = 2
DEFAULT_WEIGHT = 2
# Code points that weigh 1 (inclusive ranges).
LIGHT_RANGES = ((0, 4351), (8192, 8205), (8208, 8223), (8242, 8247))

# Top-level domains a bare link (no http://) is recognised by: the common generic ones and
# the country codes links most often use. X knows every domain; a bare link to a rarer one
# is counted as text here (written with https:// it is counted as a link).
_GENERIC_TLDS = (
    "com|net|org|edu|gov|mil|int|info|biz|name|pro|io|ai|app|dev|shop|store|online|site|"
    "tech|blog|xyz|club|news|co|me|tv|ly|gl|gg|to|fm|am|be|it|us|uk|de|fr|es|nl|tr|jp|cn|"
    "ru|br|in|au|ca|ch|se|no|fi|dk|pl|pt|ie|nz|mx|ar|kr|sg|hk|tw|za|eu|asia|mobi|travel|jobs|"
    "cloud|page|link|live|media|world|email|help|support|care"
)
_URL = re.compile(
    r"(?<![\w@.])(?:"
    r"https?://[^\s<>\"]+"  # with a scheme: up to the next space
    r"|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + _GENERIC_TLDS + r")\b"
    r"(?::\d{1,5})?(?:/[^\s<>\"]*)?"
    r")",
    re.IGNORECASE,
)
# Trailing punctuation that ends a sentence, not the link.
_TRAILING = ".,;:!?)]}'\""

_REGIONAL = (0x1F1E6, 0x1F1FF)
_MODIFIERS = (0x1F3FB, 0x1F3FF)
_ZWJ = 0x200D
_VS16 = 0xFE0F
_KEYCAP = 0x20E3
_TAGS = (0xE0020, 0xE007F)


@dataclass(frozen=True, slots=True)
class Weighed:
    length: int  # X's weighted length
    limit: int = MAX_WEIGHTED_LENGTH

    @property
    def fits(self) -> bool:
        return self.length <= self.limit

    @property
    def over(self) -> int:
        return max(0, self.length - self.limit)


def weighted_length(text: str) -> int:
    """The length X gives ``text``."""
    text = unicodedata.normalize("NFC", text)
    total = 0
    position = 0
    for found in _URL.finditer(text):
        start, end = found.span()
        link = found.group(0)
        trimmed = link.rstrip(_TRAILING)
        end -= len(link) - len(trimmed)
        if not trimmed or end <= start:
            continue
        total += _weigh_plain(text[position:start]) + URL_WEIGHT
        position = end
    return total + _weigh_plain(text[position:])


def weigh(text: str, limit: int = MAX_WEIGHTED_LENGTH) -> Weighed:
    return Weighed(weighted_length(text), limit)


def _is_emoji_start(cp: int) -> bool:
    return (
        0x1F000 <= cp <= 0x1FAFF  # pictographs, emoticons, transport, supplemental symbols
        or 0x2600 <= cp <= 0x27BF  # miscellaneous symbols and dingbats
        or 0x2B00 <= cp <= 0x2BFF  # arrows and stars such as ⭐
        or cp in (0x3030, 0x303D)
    )


# Symbols that are text unless the emoji selector follows them (©️, ™️, ‼️).
_TEXT_DEFAULT = (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139)


def _weigh_plain(text: str) -> int:
    total = 0
    points = [ord(ch) for ch in text]
    i, n = 0, len(points)
    while i < n:
        cp = points[i]
        # A keycap: a digit, # or * with (optionally VS16 and) the combining keycap.
        if chr(cp) in "0123456789#*":
            j = i + 1
            if j < n and points[j] == _VS16:
                j += 1
            if j < n and points[j] == _KEYCAP:
                total += EMOJI_WEIGHT
                i = j + 1
                continue
        # A flag: two regional indicators.
        if _REGIONAL[0] <= cp <= _REGIONAL[1]:
            j = i + 2 if i + 1 < n and _REGIONAL[0] <= points[i + 1] <= _REGIONAL[1] else i + 1
            total += EMOJI_WEIGHT
            i = j
            continue
        selected = cp in _TEXT_DEFAULT and i + 1 < n and points[i + 1] == _VS16
        if selected or _is_emoji_start(cp):
            i = _end_of_emoji(points, i + 1)
            total += EMOJI_WEIGHT
            continue
        total += _weight(cp)
        i += 1
    return total


def _end_of_emoji(points: list[int], j: int) -> int:
    """Past the modifiers, selectors, tags and joined parts of an emoji begun before j."""
    n = len(points)
    while j < n:
        cp = points[j]
        if cp == _VS16 or _MODIFIERS[0] <= cp <= _MODIFIERS[1] or _TAGS[0] <= cp <= _TAGS[1]:
            j += 1
        elif cp == _ZWJ and j + 1 < n and _is_emoji_start(points[j + 1]):
            j += 2
        else:
            break
    return j


def _weight(cp: int) -> int:
    for low, high in LIGHT_RANGES:
        if low <= cp <= high:
            return 1
    return DEFAULT_WEIGHT
