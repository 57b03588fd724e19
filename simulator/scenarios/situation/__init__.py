"""The Situation (one generated B2B world, frozen as a snapshot) and what each role sees of it."""
