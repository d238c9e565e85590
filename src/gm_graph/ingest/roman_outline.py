"""Layout ingester (being written)."""
