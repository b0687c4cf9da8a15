"""Sample scans of Vietnamese administrative documents (Decree 30/2020 layout) with ground truth.

``from samples.generate import make_document, degrade, write_set`` — see ``samples/generate.py``.
``samples/examples/`` holds a few small generated files (each with its ``.gt.json``) that ``make run``
loads on first start.
"""
