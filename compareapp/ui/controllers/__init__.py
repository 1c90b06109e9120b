"""The window's commands by subject (documents, sessions, review marks, discrepancies,
export, the background job), each given only what it uses of the window; and the marks'
undoable model and the comparison job they drive."""
