"""The seeded situation generator: company, financials, need, buyer model, fiche descriptive."""
