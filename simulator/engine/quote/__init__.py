"""The quote (devis): reductions cascade, escompte, port, VAT, margins and input validation."""
