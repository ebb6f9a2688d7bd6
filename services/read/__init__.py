"""The read side: filters, the snapshot of a directive as of a day, roll-ups, target verdicts,
what each screen shows, the outline, the briefing, the audit log."""
