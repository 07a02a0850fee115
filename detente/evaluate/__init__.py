"""Evaluation commands: gold data in, the same core as ``extract``, figures out.

One module per stage (``events``, ``actors``, ``dates``, ``quotes``, ``places``), each with
``run(gold: Path, pipeline: Pipeline) -> Report``.
"""
