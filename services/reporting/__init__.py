"""What bodies send and leaders answer: progress reports, figures, proposals and directions."""
