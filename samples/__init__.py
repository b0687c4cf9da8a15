"""Sample scans of Vietnamese administrative documents (Decree 30/2020 layout) with ground truth.

``from samples.generate import make_document, degrade, write_set`` — see ``samples/generate.py`` (the fixed
generator) and ``samples/varied.py`` (documents drawn along the independent axes of ``samples/axes.py``, in a
``dev`` family to tune on, an ``alt`` family to tune on with pools of its own, and an ``eval`` family only
to measure on: ``write_set(..., family="eval")``).
``samples/examples/`` holds a few small generated files (each with its ``.gt.json``) that ``make run``
loads on first start.
"""
