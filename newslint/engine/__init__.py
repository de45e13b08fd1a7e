"""The engine: configuration, rule loading, running rules over documents, suppression."""
