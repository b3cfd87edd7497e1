"""PETRARCH2 / TABARI / Phoenix dictionary compatibility."""
