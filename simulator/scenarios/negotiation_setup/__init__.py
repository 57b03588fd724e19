"""Adapter: a situation snapshot -> the buyer engine's NegotiationSetup."""
