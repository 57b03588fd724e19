"""Web layer: one blueprint per role, thin views over operations."""
