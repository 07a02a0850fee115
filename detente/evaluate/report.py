"""What every evaluation returns: named figures plus the lines the CLI prints."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class Score:
    """Precision, recall and F1 from counts."""

    true_positives: int
    found: int  # what detente produced
    gold: int  # what the gold has

    @property
    def precision(self) -> float:
        return self.true_positives / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self, label: str) -> str:
        return (
            f"{label:<34} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
            f"  (tp {self.true_positives}, found {self.found}, gold {self.gold})"
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    title: str
    model: str
    metrics: dict[str, float] = field(default_factory=dict)
    lines: tuple[str, ...] = ()

    def render(self) -> str:
        head = [self.title, f"model: {self.model}"]
        return "\n".join(head + list(self.lines))
