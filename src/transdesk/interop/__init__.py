"""The desk in the words other translation tools speak: plain sentences and HTML fragments
through the desk's pipeline, language detection, readers' suggestions filed by source text, and
memory lookups scored for translation-memory clients."""
