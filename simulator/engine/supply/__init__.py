"""Supplier feasibility of a quote: stock, lead time, MOQ, franco, shortages."""
