"""Client credit risk (ratios, scores, cover) and business risk of a deal."""
