"""Pure domain core of NegoLab: no Flask, no database, no globals."""
