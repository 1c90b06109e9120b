"""What views ask of a comparison, without drawing it: the view model, display
text, scroll synchronisation, the exported report's model and table row statuses."""
