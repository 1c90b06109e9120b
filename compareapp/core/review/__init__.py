"""Review work: verified/disputed marks, the text anchors that let them survive
edits, placing them in documents, session files and atomic writes."""
