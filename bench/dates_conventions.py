"""Report: how much of a TimeML folder's value errors are annotation conventions, not resolution.

    python bench/dates_conventions.py [FOLDER ...]

FOLDER defaults to TBAQ-cleaned/TimeBank and TBAQ-cleaned/AQUAINT under ../shared/gold/tempeval3.
For each folder it runs the dates stage exactly as `detente eval dates` does and prints value F1
over all types: as scored (strict string equality), then with one writing convention made equal
on both sides at a time, then with all of them. The conventions are choices between values that
say the same thing: a part of the day kept or dropped ("2000-01-05TNI" / "2000-01-05"), a week
number padded or not ("2000-W07" / "2000-W7"), a decade with or without its X ("199" / "199X"), a
year with unspecified parts ("1998-XX" / "1998"). It then lists, for the relative expressions
most often written, how many different value shapes the folder's annotators gave them: one shape
means one convention; several mean the gold itself disagrees.

This is a measurement only: the evaluation command scores strictly and detente's output is not
changed by it.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from detente.config import load_config
from detente.core import Pipeline
from detente.evaluate.dates import TimeMLDoc, _files, _Tally, predict, read_timeml
from detente.records import TimeExpression

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold" / "tempeval3" / "TBAQ-cleaned"

CONVENTIONS: tuple[tuple[str, str, str], ...] = (
    ("part of day dropped (TNI/TMO/TAF/TEV)", r"T(?:NI|MO|AF|EV|DT)$", ""),
    ("week number padded (W7 = W07)", r"-W(\d)(?!\d)", r"-W0\1"),
    ("decade without X (199X = 199)", r"^(\d{3})X$", r"\1"),
    ("unspecified parts of a year (1998-XX = 1998)", r"^(\d{4})(?:-XX)+$", r"\1"),
)
# Relative expressions whose value shapes are compared (lowercased gold text).
RELATIVE = ("last week", "this week", "next week", "last month", "last year", "this year", "a year ago", "tonight")


def _normaliser(rules: Sequence[tuple[str, str, str]]) -> Callable[[str | None], str | None]:
    def normalise(value: str | None) -> str | None:
        if value is None:
            return None
        for _, pattern, repl in rules:
            value = re.sub(pattern, repl, value)
        return value

    return normalise


def _f1(predicted: Sequence[tuple[TimeMLDoc, Sequence[TimeExpression]]], norm: Callable[[str | None], str | None]) -> str:
    tally = _Tally()
    for doc, found in predicted:
        gold = [replace(g, value=norm(g.value) or "") for g in doc.timexes]
        tally.add([replace(t, value=norm(t.value)) for t in found], gold)
    s = tally.value_score()
    return f"P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.true_positives})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[GOLD / "TimeBank", GOLD / "AQUAINT"])
    args = parser.parse_args()
    pipeline = Pipeline(load_config(environ={}))
    for folder in args.folders:
        docs = [read_timeml(f) for f in _files(folder)]
        predicted = predict(docs, pipeline)
        print(f"{folder}: {len(docs)} documents, {sum(len(d.timexes) for d in docs)} TIMEX3")
        print(f"  {'as scored (strict)':<48} {_f1(predicted, _normaliser(()))}")
        for rule in CONVENTIONS:
            print(f"  {rule[0]:<48} {_f1(predicted, _normaliser((rule,)))}")
        print(f"  {'all four conventions':<48} {_f1(predicted, _normaliser(CONVENTIONS))}")
        shapes: dict[str, Counter[str]] = defaultdict(Counter)
        for doc in docs:
            for g in doc.timexes:
                if g.text.lower() in RELATIVE:
                    shapes[g.text.lower()][re.sub(r"\d", "9", g.value)] += 1
        print("  value shapes the gold gives each relative expression (9 = any digit):")
        for text in RELATIVE:
            if shapes[text]:
                seen = ", ".join(f"{shape} x{n}" for shape, n in shapes[text].most_common())
                print(f"    {text!r:<14} {sum(shapes[text].values()):>3}: {seen}")


if __name__ == "__main__":
    main()
