"""Values: exact numbers in Vietnamese notation, quantities, partial dates and spans of years.

The lowest layer: it imports nothing of mdpoverty but :mod:`mdpoverty.errors`.
"""
