"""The document model: plans, their units, targets, programme components, agencies and text.

Frozen, validated attrs classes built from :mod:`mdpoverty.values`.
"""
