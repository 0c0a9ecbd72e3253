"""vetter: sanctions and PEP screening against the bundled lists, from Python.

``Screener`` opens (and on first use compiles) the index of a data folder and
screens names, Arrow record batches and documents; ``compare`` scores two names.
The engine is the Rust crate ``vetter-engine``; see ``__init__.pyi`` for types.
"""

from ._vetter import Screener, __version__, compare

__all__ = ["Screener", "compare", "__version__"]
