"""Rows for the small knowledge bases the actors tests build by hand (``actors.knowledge.build``):
the shipped actor rules and the country row most of them share."""

from __future__ import annotations

from detente.actors.knowledge import rules_from
from detente.knowledge import Knowledge

# The actors stage's word lists, as Resources loads them (shipped table only).
RULES = rules_from(Knowledge.load(keys=("actor_rules",)).toml("actor_rules"))

RUSSIA = {
    "alpha3": "RUS",
    "alpha2": "RU",
    "name": "Russia",
    "aliases": "",
    "adjectives": "Russian",
    "demonyms": "",
    "capital": "Moscow",
}
