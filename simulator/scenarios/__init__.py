"""Scenario packs (YAML -> validated model), the situation generator and the parameter registry."""
