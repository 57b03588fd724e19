"""Legal checks of a B2B devis: payment terms, due dates, penalties, mandatory mentions."""
