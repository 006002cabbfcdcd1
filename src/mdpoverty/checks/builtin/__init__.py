"""The built-in rules, one module a group; each registers its rules on import."""
