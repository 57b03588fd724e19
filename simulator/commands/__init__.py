"""Click commands of the `simulator` console script (registered by simulator.cli)."""
