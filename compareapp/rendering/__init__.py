"""Drawing without widgets (QtGui only): the one palette and the text formats that the
window and the exported PDF share."""
