"""Writing comparisons out of the app: the annotated PDF."""
