"""Translations: the PO files of each language under a story's translations/ folder, how they are written and
checked (`python -m game translate`), and how the game reads them. Nothing here imports pygame: check takes the
text box's measure (game/ui/fit.py) as an argument."""
