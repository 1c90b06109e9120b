"""The Qt window that presents what the core computes: ``panes`` (the comparison's panes,
link maps and overview strips), ``docks`` (review marks, discrepancies) and
``controllers`` (the window's commands by subject); here, the app's start, the main
window, its menus, bars, settings and preferences."""
