"""The tone stage: the article's tone and each event sentence's, on GDELT's AvgTone scale."""

from detente.tone.scorer import ToneScorer
from detente.tone.stage import tone_stage

__all__ = ["ToneScorer", "tone_stage"]
