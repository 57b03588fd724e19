"""The parameter registry: the jury's overrides, their presets, setters and diff."""
