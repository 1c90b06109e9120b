"""The Qt window: panes, link maps and overview strips that present what the core computes."""
