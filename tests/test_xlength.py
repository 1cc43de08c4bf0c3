"""X's weighted length, against X's counting rules: worked examples from its counting
documentation and the published configuration (v3)."""

from __future__ import annotations

import unicodedata

from socialdesk.xlength import MAX_WEIGHTED_LENGTH, URL_WEIGHT, weigh, weighted_length


def test_latin_text_counts_one_a_character() -> None:
    assert weighted_length("Hello world") == 11
    assert weighted_length("a" * 280) == 280 and weigh("a" * 280).fits
    assert weigh("a" * 281).over == 1
    # Accents count once, composed or not (X puts the text in NFC first).
    assert weighted_length("café") == 4
    assert weighted_length(unicodedata.normalize("NFD", "café")) == 4
    assert weighted_length("Ğüşiöç İstanbul") == 15  # Turkish letters are light too


def test_cjk_and_other_heavy_code_points_count_two() -> None:
    assert weighted_length("你好") == 4
    assert weighted_length("こんにちは") == 10
    assert weighted_length("안녕하세요") == 10
    assert weigh("你" * 140).fits and not weigh("你" * 141).fits
    # General punctuation: dashes and quotation marks are light, the ellipsis and the
    # bullet are not (they lie between X's light ranges).
    assert weighted_length("–—“”‘’") == 6
    assert weighted_length("…•") == 4


def test_an_emoji_counts_two_however_it_is_built() -> None:
    assert weighted_length("👍") == 2
    assert weighted_length("👍🏽") == 2  # with a skin tone
    assert weighted_length("👨‍👩‍👧") == 2  # a family joined with ZWJs
    assert weighted_length("🇹🇷") == 2  # a flag: two regional indicators
    assert weighted_length("❤️") == 2  # a symbol with the emoji selector
    assert weighted_length("1️⃣") == 2  # a keycap
    assert weighted_length("🏴󠁧󠁢󠁳󠁣󠁴󠁿") == 2  # a subdivision flag with tags
    assert weighted_length("thanks 🙏🙏") == 7 + 4
    # © and ™ are text unless the emoji selector makes them emoji: © (U+00A9) is light,
    # ™ (U+2122) lies outside the light ranges and weighs 2 anyway.
    assert weighted_length("Nimbus™ ©") == 6 + 2 + 1 + 1
    assert weighted_length("™️") == 2


def test_a_link_counts_twenty_three_whatever_its_length() -> None:
    long = "https://www.example.com/orders/4471/tracking?ref=" + "x" * 200
    assert weighted_length(long) == URL_WEIGHT
    assert weighted_length("see https://t.co/abc") == 4 + URL_WEIGHT
    assert weighted_length("see example.com/help") == 4 + URL_WEIGHT  # no scheme needed
    # A full stop after a link ends the sentence, not the link.
    assert weighted_length("Track it at https://nimbus.example.com/track.") == 12 + URL_WEIGHT + 1
    assert weighted_length("two links: a.co b.io") == 11 + URL_WEIGHT + 1 + URL_WEIGHT
    # Not links: an e-mail address, a version number, a file name without a known domain.
    assert weighted_length("mail help@nimbus.com") == 20
    assert weighted_length("v2.5") == 4


def test_a_full_reply_with_everything() -> None:
    text = "@alice Sorry about order 4471 😞 — track it here: https://nimbus.example/t/4471 ^AK"
    expected = len("@alice Sorry about order 4471 ") + 2 + len(" — track it here: ") + 23 + 4
    assert weighted_length(text) == expected
    assert weigh(text).fits and weigh(text).limit == MAX_WEIGHTED_LENGTH
