"""Filters for the whole portal (loaded as builtins)."""

from django import template

register = template.Library()

NUMBER_WORDS = [
    "null", "eins", "zwei", "drei", "vier", "fünf", "sechs",
    "sieben", "acht", "neun", "zehn", "elf", "zwölf",
]  # fmt: skip


@register.filter
def zahlwort(number: int, feminine_one: str = "eine") -> str:
    """German number words up to twelve, digits above (DIN 5008 and house style).

    ``feminine_one`` is the form of "eins" before a noun ("eine Stadt", "ein Kreis").
    """
    if number == 1:
        return feminine_one
    if 0 <= number <= 12:
        return NUMBER_WORDS[number]
    return str(number)
