"""The comparison's panes: the view that lays them out side by side, each document's pane
and text view, the link maps between them, the overview strips and mark gutters."""
