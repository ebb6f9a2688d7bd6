"""Running the system: bodies, directives and their tasks, reporting periods, backups."""
