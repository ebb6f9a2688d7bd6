"""Reading a directive or plan from a file: the reader, the parser, body names, saving."""
