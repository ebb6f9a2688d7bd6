"""Notices: what each user should know, made once (generate), read in the app (inbox), e-mailed
as one digest per user per run (mail), and the reporting cycle's own notices (cycle: chasing
the bodies that have not reported, closing a period)."""
