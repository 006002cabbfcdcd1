"""Reading and writing: the plan-file converter, the YAML and JSON dialects, the JSON Schema."""
