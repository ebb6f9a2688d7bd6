"""The rules every use case shares: errors, the acting user and what each role may do, the
clock, periods, timeliness, validation, the audit trail, labels."""
