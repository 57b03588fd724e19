"""The scenario pack model, its safe YAML loading and its semantic checks."""
