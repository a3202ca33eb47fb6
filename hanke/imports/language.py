"""Which of Hanke's languages (Finnish, English, Swedish) a document is written in."""

import functools

LANGUAGES = ("fi", "en", "sv")
DEFAULT_LANGUAGE = "fi"
SAMPLE_CHARS = 20_000


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str) -> str:
    """ "fi", "en" or "sv"; Finnish when the text is empty or has no letters to go by."""
    if not text or not any(ch.isalpha() for ch in text):
        return DEFAULT_LANGUAGE
    try:
        language, _score = _identifier().classify(text[:SAMPLE_CHARS])
    except Exception:  # noqa: BLE001 - never fail an import over language detection
        return DEFAULT_LANGUAGE
    return language if language in LANGUAGES else DEFAULT_LANGUAGE
