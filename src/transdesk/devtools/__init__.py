"""Tools for running the desk locally: a llama.cpp server with the bundled model."""
